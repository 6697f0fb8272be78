package cn.fapiao.taxpayer;

import io.smallrye.config.ConfigMapping;

import java.util.Optional;

/**
 * The first organisation and its admin on a new installation ({@code fapiao.bootstrap.*}): set
 * them once (e.g. from a Kubernetes Secret), start, log in as that admin and create the other
 * users. Nothing happens when the admin already exists.
 */
@ConfigMapping(prefix = "fapiao.bootstrap")
public interface BootstrapConfig {

    Optional<String> organisationUscc();

    Optional<String> organisationName();

    Optional<String> adminUsername();

    Optional<String> adminPassword();
}
