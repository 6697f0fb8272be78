#!/usr/bin/env python3
"""Compares profiles of runs per request: CPU samples per 1,000 requests, by layer (the innermost
frame that names one), so that runs of different throughput compare. A/B of two jars is read
from this, not from shares, which hide a layer that shrank behind the others that did not.

Usage: profile-compare.py DIR:SCENARIO [DIR:SCENARIO ...]
  DIR holds <SCENARIO>-<rows>.collapsed and the run's table.tsv (copied from BENCH_WORK after a
  run with BENCH_PROFILE=1), e.g. profile-compare.py /tmp/ab-base:byNumber /tmp/ab-new:byNumber
"""
import glob
import re
import sys
from collections import Counter

# Whole-stack markers first (threads that are not serving requests), then owners of the innermost frame.
THREADS = [("JIT", "C2Compiler"), ("JIT", "Compiler::compile"), ("GC", "GC"), ("GC", "DefNew"), ("GC", "VMThread"),
           ("cache upkeep (ForkJoin)", "ForkJoinWorkerThread")]
STACKS = [("answer: AnswerJson", "AnswerJson"), ("answer: MoneyScalar", "MoneyScalar"),
          ("socket write", "NioSocketChannel.doWrite"), ("socket read", "NioByteUnsafe.read;sun/nio"),
          ("jwt", "MpJwtValidator.createSecurityIdentity"), ("jwt", "IssuerAwarePrincipalFactory")]
OWNERS = [("pg client", "io/vertx/pgclient"), ("context propagation", "io/smallrye/context"),
          ("context propagation", "io/smallrye/mutiny/context"), ("graphql-java", "graphql/"),
          ("smallrye-graphql", "io/smallrye/graphql"), ("quarkus smallrye-graphql", "io/quarkus/smallrye/graphql"),
          ("caffeine", "com/github/benmanes"), ("micrometer", "io/micrometer"), ("json-p (parsson)", "org/eclipse/parsson"),
          ("jackson", "com/fasterxml"), ("mutiny", "io/smallrye/mutiny"), ("arc", "io/quarkus/arc"),
          ("netty", "io/netty"), ("vert.x web", "io/vertx/ext/web"), ("vert.x sql", "io/vertx/sqlclient"),
          ("vert.x core", "io/vertx/core"), ("quarkus other", "io/quarkus"), ("jose4j", "org/jose4j")]


def layer(frames):
    stack = ";".join(frames)
    for name, marker in THREADS:
        if marker in stack:
            return name
    for name, markers in STACKS:
        if all(m in stack for m in markers.split(";")):
            return name
    for frame in reversed(frames):
        if "cn/fapiao" in frame:
            return "ours (cn/fapiao)"
        for name, prefix in OWNERS:
            if frame.startswith(prefix):
                return name
    return "JDK, native, other"


def load(spec):
    directory, scenario = spec.rsplit(":", 1)
    requests = None
    for line in open(f"{directory}/table.tsv"):
        fields = line.rstrip("\n").split("\t")
        if fields[0] == scenario and fields[2] == "32":
            requests = float(fields[7])  # requests completed in the c=32 window
    files = glob.glob(f"{directory}/{scenario}-*.collapsed")
    if requests is None or not files:
        sys.exit(f"no c=32 row or profile for {scenario} in {directory}")
    samples = Counter()
    for line in open(files[0]):
        stack, _, count = line.rstrip().rpartition(" ")
        samples[layer(re.sub(r"\$\$Lambda\$[0-9]+\.0x[0-9a-f]+", "$$L", stack).split(";"))] += int(count)
    return {name: 1000 * count / requests for name, count in samples.items()}


runs = [load(spec) for spec in sys.argv[1:]]
names = sorted(set().union(*runs), key=lambda n: -max(r.get(n, 0) for r in runs))
print(f"{'samples per 1,000 requests':28}" + "".join(f"{s[-24:]:>26}" for s in sys.argv[1:]))
print(f"{'TOTAL':28}" + "".join(f"{sum(r.values()):26.1f}" for r in runs))
for name in names:
    print(f"{name:28}" + "".join(f"{r.get(name, 0):26.1f}" for r in runs))
