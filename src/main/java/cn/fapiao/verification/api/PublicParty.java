package cn.fapiao.verification.api;

import org.eclipse.microprofile.graphql.NonNull;

public record PublicParty(String taxId, @NonNull String name) {
}
