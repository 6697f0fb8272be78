#!/usr/bin/env python3
"""Summarises an async-profiler collapsed-stack file: the share of CPU samples per owning package
(the innermost frame that is not the JDK) and the hottest frames. Usage: profile-summary.py FILE."""
import sys
from collections import Counter

GROUPS = ["graphql/execution", "graphql/", "io/smallrye/graphql", "io/smallrye/context", "io/smallrye/mutiny",
          "io/smallrye/jwt", "io/vertx/pgclient", "io/vertx/sqlclient", "io/vertx", "io/netty", "io/quarkus",
          "org/eclipse/parsson", "org/jose4j", "org/dataloader", "io/micrometer", "com/github/benmanes", "cn/fapiao"]

owners, frames, total = Counter(), Counter(), 0
for line in open(sys.argv[1]):
    stack, _, count = line.rstrip().rpartition(" ")
    count = int(count)
    total += count
    stack = stack.split(";")
    frames[stack[-1]] += count
    owner = next((f for f in reversed(stack) if "/" in f and not f.startswith(("java/", "jdk/", "sun/"))), None)
    owners[next((g for g in GROUPS if owner and owner.startswith(g)), "(JVM, kernel, JDK)" if owner is None else owner.split("/")[0] + "/" + owner.split("/")[1])] += count

print(f"{total} samples")
print("by owning package:")
for name, count in owners.most_common(15):
    print(f"  {100 * count / total:5.1f}%  {name}")
print("hottest frames:")
for name, count in frames.most_common(15):
    print(f"  {100 * count / total:5.1f}%  {name[:120]}")
