package cn.fapiao.deployment;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.EnvFromSource;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.PodSecurityContext;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.SecretKeySelector;
import io.fabric8.kubernetes.api.model.SecurityContext;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.autoscaling.v2.MetricSpec;
import io.fabric8.kubernetes.api.model.networking.v1.HTTPIngressPath;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.IngressRule;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyEgressRule;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyIngressRule;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeer;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPort;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.fabric8.kubernetes.api.model.KubernetesResource;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.StringReader;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Checks the kustomize base in {@code k8s/} against itself (selectors, ports, names) and against
 * the application (the environment variables it reads, the shutdown timeout, the health paths and
 * the management port they are served on).
 * Plain JUnit: parses the YAML with the fabric8 Kubernetes model, starts nothing.
 */
class KubernetesManifestsTest {

    private static final Path ROOT = Path.of("").toAbsolutePath();
    private static final Path K8S = ROOT.resolve("k8s");
    private static final Path APPLICATION_PROPERTIES = ROOT.resolve("src/main/resources/application.properties");
    private static final Path MAIN_JAVA = ROOT.resolve("src/main/java");
    private static final Path DOCKERFILE = ROOT.resolve("src/main/docker/Dockerfile.jvm");
    private static final String SECRET_TEMPLATE = "secret-template.yaml";
    /** Secrets created by hand from these templates, never applied with the base. */
    static final Set<String> SECRET_TEMPLATES = Set.of(SECRET_TEMPLATE, "postgres-backup-secret-template.yaml");
    /** Applied only to restore the database (DatabaseBackupManifestsTest), never with the base. */
    static final String RESTORE_DIRECTORY = "restore/";
    /** The container port of Quarkus's management interface: health and metrics. */
    private static final String MANAGEMENT = "management";

    /** Quarkus properties the deployment sets that the application neither declares nor reads by name. */
    private static final Set<String> QUARKUS_PROPERTIES_SET_BY_DEPLOYMENT = Set.of(
            "quarkus.http.proxy.proxy-address-forwarding",
            "quarkus.http.proxy.allow-x-forwarded",
            "quarkus.datasource.reactive.url",
            "quarkus.datasource.jdbc.url",
            "quarkus.datasource.username",
            "quarkus.datasource.password");
    /** Read by the image's run-java.sh / the JVM, not by the application. */
    private static final Set<String> IMAGE_VARIABLES = Set.of("JAVA_OPTS_APPEND", "TZ");

    /** Jackson 2, the one the fabric8 model classes are annotated for: resolves apiVersion/kind to a model class. */
    private static final ObjectMapper MODEL_MAPPER = new ObjectMapper();

    private static List<String> listedResources;
    /** File name (relative to k8s/) to parsed object, for the listed resources and the secret template. */
    private static final Map<String, HasMetadata> MANIFESTS = new LinkedHashMap<>();
    private static Properties applicationProperties;

    @BeforeAll
    static void load() throws IOException {
        assertTrue(Files.isRegularFile(K8S.resolve("kustomization.yaml")), "k8s/kustomization.yaml is missing");
        Map<?, ?> kustomization = readYaml(Files.readString(K8S.resolve("kustomization.yaml")));
        Object resources = kustomization.get("resources");
        assertTrue(resources instanceof List<?> list && !list.isEmpty(), "kustomization.yaml has no resources");
        listedResources = ((List<?>) resources).stream().map(String::valueOf).toList();
        for (String file : listedResources) {
            MANIFESTS.put(file, parse(file));
        }
        for (String template : SECRET_TEMPLATES) {
            MANIFESTS.put(template, parse(template));
        }
        applicationProperties = new Properties();
        applicationProperties.load(new StringReader(Files.readString(APPLICATION_PROPERTIES)));
    }

    /**
     * YAML to a plain tree with the YAML mapper that comes with the fabric8 client. Reached by name
     * because its Jackson generation differs between fabric8 7 (Jackson 2) and 8 (Jackson 3), and the
     * client's own {@code KubernetesSerialization} needs client and model of one version, which the
     * Quarkus BOM (managing the models) does not guarantee.
     */
    static Map<?, ?> readYaml(String text) {
        Object tree = readYamlTree(text);
        assertTrue(tree instanceof Map<?, ?>, "expected a YAML mapping: " + text);
        return (Map<?, ?>) tree;
    }

    /** Any YAML document (a JSON patch is a list) as plain maps, lists and scalars. */
    static Object readYamlTree(String text) {
        for (String mapper : List.of("tools.jackson.dataformat.yaml.YAMLMapper", "com.fasterxml.jackson.dataformat.yaml.YAMLMapper")) {
            Object instance;
            try {
                instance = Class.forName(mapper).getConstructor().newInstance();
            } catch (ReflectiveOperationException | LinkageError notThere) {
                continue;
            }
            try {
                return instance.getClass().getMethod("readValue", String.class, Class.class).invoke(instance, text, Object.class);
            } catch (InvocationTargetException e) {
                throw new AssertionError("invalid YAML: " + e.getCause().getMessage(), e.getCause());
            } catch (ReflectiveOperationException e) {
                throw new AssertionError(e);
            }
        }
        throw new AssertionError("no Jackson YAML mapper on the test classpath (it comes with io.fabric8:kubernetes-client-api)");
    }

    static HasMetadata parse(String file) {
        Path path = K8S.resolve(file);
        assertTrue(Files.isRegularFile(path), "k8s/" + file + " is listed but does not exist");
        String text;
        try {
            text = Files.readString(path);
        } catch (IOException e) {
            throw new AssertionError("cannot read k8s/" + file, e);
        }
        assertEquals(1, Pattern.compile("(?m)^kind:").matcher(text).results().count(),
                "k8s/" + file + " must hold exactly one Kubernetes object");
        Object parsed = MODEL_MAPPER.convertValue(readYaml(text), KubernetesResource.class);
        assertTrue(parsed instanceof HasMetadata, "k8s/" + file + " is not a Kubernetes object: " + parsed);
        HasMetadata object = (HasMetadata) parsed;
        assertNotBlank(object.getApiVersion(), file + ": apiVersion");
        assertNotBlank(object.getKind(), file + ": kind");
        assertNotNull(object.getMetadata(), file + ": metadata");
        assertNotBlank(object.getMetadata().getName(), file + ": metadata.name");
        assertTrue(object.getMetadata().getNamespace() == null, file + ": the base is namespace-agnostic, remove metadata.namespace");
        return object;
    }

    // ------------------------------------------------------------------ 1. files

    @Test
    void everyManifestIsListedInKustomizationExceptTheSecretTemplatesAndTheRestore() throws IOException {
        Set<String> onDisk;
        try (Stream<Path> files = Files.walk(K8S)) {
            onDisk = files.filter(p -> p.toString().endsWith(".yaml") || p.toString().endsWith(".yml"))
                    .map(p -> K8S.relativize(p).toString().replace('\\', '/'))
                    .collect(Collectors.toCollection(TreeSet::new));
        }
        onDisk.remove("kustomization.yaml");
        onDisk.removeIf(file -> file.startsWith(RESTORE_DIRECTORY));
        Set<String> unlisted = new TreeSet<>(onDisk);
        unlisted.removeAll(listedResources);
        assertEquals(new TreeSet<>(SECRET_TEMPLATES), unlisted,
                "every manifest but the secret templates (and restore/) must be listed in kustomization.yaml resources");
        for (String template : SECRET_TEMPLATES) {
            assertFalse(listedResources.contains(template),
                    template + " must not be applied: it would overwrite the real keys");
        }
        assertTrue(listedResources.stream().noneMatch(file -> file.startsWith(RESTORE_DIRECTORY)),
                "restore/ must not be applied with the base: it bootstraps a second database");
    }

    @Test
    void typedManifestsHaveNoUnknownFields() {
        List<String> unknown = new ArrayList<>();
        MANIFESTS.forEach((file, object) -> {
            if (!(object instanceof GenericKubernetesResource)) {
                collectUnknownFields(object, file, unknown, Collections.newSetFromMap(new IdentityHashMap<>()));
            }
        });
        assertEquals(List.of(), unknown, "fields the Kubernetes model does not know (typos?)");
    }

    @Test
    void noFileUnderK8sHoldsPemArmour() throws IOException {
        try (Stream<Path> files = Files.walk(K8S)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                assertFalse(Files.readString(file).contains("-----BEGIN"), file + " holds PEM key material");
            }
        }
    }

    // ------------------------------------------------------------------ 2. deployment

    @Test
    void deploymentRollsOutSafelyAndProbesTheHealthEndpoints() {
        Deployment deployment = the(Deployment.class);
        assertEquals(3, deployment.getSpec().getReplicas(), "replicas");
        assertEquals("RollingUpdate", deployment.getSpec().getStrategy().getType());
        assertEquals(new IntOrString(0), deployment.getSpec().getStrategy().getRollingUpdate().getMaxUnavailable(), "maxUnavailable");
        assertEquals(new IntOrString(1), deployment.getSpec().getStrategy().getRollingUpdate().getMaxSurge(), "maxSurge");
        assertTrue(isSubset(deployment.getSpec().getSelector().getMatchLabels(), podLabels()),
                "the Deployment selector must match its pod labels");

        Container container = container();
        Set<String> portNames = container.getPorts().stream().map(ContainerPort::getName).collect(Collectors.toSet());
        ContainerPort http = container.getPorts().stream().filter(p -> "http".equals(p.getName())).findFirst()
                .orElseThrow(() -> new AssertionError("no container port named http"));
        assertEquals(8080, http.getContainerPort(), "the application listens on 8080 (quarkus.http.port)");

        assertProbe("startupProbe", container.getStartupProbe(), "/q/health/live", portNames);
        assertProbe("livenessProbe", container.getLivenessProbe(), "/q/health/live", portNames);
        assertProbe("readinessProbe", container.getReadinessProbe(), "/q/health/ready", portNames);
    }

    /** Health is served on the management port only (quarkus.management.enabled): a probe on any other port finds nothing. */
    private static void assertProbe(String name, Probe probe, String path, Set<String> portNames) {
        assertNotNull(probe, name + " is missing");
        assertNotNull(probe.getHttpGet(), name + " must be an HTTP probe");
        assertEquals(path, probe.getHttpGet().getPath(), name + " path");
        IntOrString port = probe.getHttpGet().getPort();
        assertNotNull(port.getStrVal(), name + " must use a named port");
        assertTrue(portNames.contains(port.getStrVal()), name + " port '" + port.getStrVal() + "' is not a container port name " + portNames);
        assertEquals(MANAGEMENT, port.getStrVal(), name + " must probe the management port, where health is served");
    }

    @Test
    void healthAndMetricsStayOnTheManagementPortWhichOnlyProbesAndPrometheusReach() throws IOException {
        assertEquals("true", applicationProperties.getProperty("quarkus.management.enabled"),
                "health and metrics must be served on the management interface, not on the public port");
        int managementPort = Integer.parseInt(applicationProperties.getProperty("quarkus.management.port", "9000"));
        ContainerPort management = container().getPorts().stream().filter(p -> MANAGEMENT.equals(p.getName())).findFirst()
                .orElseThrow(() -> new AssertionError("no container port named " + MANAGEMENT));
        assertEquals(managementPort, management.getContainerPort(), "the management container port (quarkus.management.port)");

        Matcher healthcheck = Pattern.compile("(?m)^\\s*CMD curl .*http://localhost:(\\d+)/q/health").matcher(Files.readString(DOCKERFILE));
        assertTrue(healthcheck.find(), "Dockerfile.jvm has no HEALTHCHECK on /q/health");
        assertEquals(managementPort, Integer.parseInt(healthcheck.group(1)), "the image's HEALTHCHECK must ask the management port");

        Map<String, String> annotations = Optional.ofNullable(the(Deployment.class).getSpec().getTemplate().getMetadata().getAnnotations()).orElse(Map.of());
        assertEquals("true", annotations.get("prometheus.io/scrape"), "pod annotation prometheus.io/scrape");
        assertEquals(String.valueOf(managementPort), annotations.get("prometheus.io/port"), "Prometheus must scrape the management port");
        assertEquals("/q/metrics", annotations.get("prometheus.io/path"), "pod annotation prometheus.io/path");

        for (ServicePort port : the(Service.class).getSpec().getPorts()) {
            assertFalse(MANAGEMENT.equals(port.getTargetPort().getStrVal()) || Objects.equals(managementPort, port.getTargetPort().getIntVal()),
                    "the Service must not expose the management port");
        }
        for (NetworkPolicyIngressRule rule : the(NetworkPolicy.class).getSpec().getIngress()) {
            boolean fromMonitoring = rule.getFrom().stream().anyMatch(p -> "monitoring".equals(namespaceOf(p)));
            boolean toManagement = rule.getPorts().stream().anyMatch(p -> MANAGEMENT.equals(p.getPort().getStrVal()));
            assertEquals(fromMonitoring, toManagement, "only Prometheus (namespace monitoring) may reach the management port, and only it: "
                    + rule.getFrom() + " " + rule.getPorts());
            if (fromMonitoring) {
                assertTrue(rule.getPorts().stream().allMatch(p -> MANAGEMENT.equals(p.getPort().getStrVal())),
                        "Prometheus needs the management port only");
            }
        }
    }

    @Test
    void deploymentRunsLockedDownAsTheImageUser() throws IOException {
        PodSpec pod = podSpec();
        Container container = container();
        PodSecurityContext podSecurity = Optional.ofNullable(pod.getSecurityContext()).orElseGet(PodSecurityContext::new);
        SecurityContext security = container.getSecurityContext();
        assertNotNull(security, "container securityContext");
        assertEquals(Boolean.TRUE, firstNonNull(security.getRunAsNonRoot(), podSecurity.getRunAsNonRoot()), "runAsNonRoot");
        Matcher user = Pattern.compile("(?m)^USER\\s+(\\d+)").matcher(Files.readString(DOCKERFILE));
        assertTrue(user.find(), "Dockerfile.jvm has no numeric USER");
        assertEquals(Long.valueOf(user.group(1)), firstNonNull(security.getRunAsUser(), podSecurity.getRunAsUser()),
                "runAsUser must be the image's user");
        assertEquals(Boolean.TRUE, security.getReadOnlyRootFilesystem(), "readOnlyRootFilesystem");
        assertEquals(Boolean.FALSE, security.getAllowPrivilegeEscalation(), "allowPrivilegeEscalation");
        assertNotNull(security.getCapabilities(), "capabilities");
        assertEquals(List.of("ALL"), security.getCapabilities().getDrop(), "capabilities.drop");
        String seccomp = security.getSeccompProfile() != null ? security.getSeccompProfile().getType()
                : podSecurity.getSeccompProfile() != null ? podSecurity.getSeccompProfile().getType() : null;
        assertEquals("RuntimeDefault", seccomp, "seccompProfile");

        // A read-only root needs a writable /tmp for the JVM.
        VolumeMount tmp = container.getVolumeMounts().stream().filter(m -> "/tmp".equals(m.getMountPath())).findFirst()
                .orElseThrow(() -> new AssertionError("no volume mounted at /tmp"));
        assertNotNull(volume(tmp.getName()).getEmptyDir(), "/tmp must be an emptyDir");
    }

    @Test
    void deploymentIsSizedAndTheJvmFollowsTheContainer() throws IOException {
        Container container = container();
        assertNotNull(container.getResources(), "resources");
        Map<String, Quantity> requests = container.getResources().getRequests();
        Map<String, Quantity> limits = container.getResources().getLimits();
        assertNotNull(requests, "resources.requests");
        assertNotNull(limits, "resources.limits");
        assertEquals(new Quantity("500m"), requests.get("cpu"), "requests.cpu");
        assertEquals(new Quantity("512Mi"), requests.get("memory"), "requests.memory");
        assertEquals(new Quantity("768Mi"), limits.get("memory"), "limits.memory");

        // Setting JAVA_OPTS_APPEND replaces the image's value: its options must be kept.
        String javaOpts = envValue("JAVA_OPTS_APPEND");
        assertNotNull(javaOpts, "JAVA_OPTS_APPEND is not set");
        assertTrue(javaOpts.contains("-XX:MaxRAMPercentage=65"), "JAVA_OPTS_APPEND must size the heap: " + javaOpts);
        Matcher image = Pattern.compile("JAVA_OPTS_APPEND=\"([^\"]*)\"").matcher(Files.readString(DOCKERFILE));
        assertTrue(image.find(), "Dockerfile.jvm sets no JAVA_OPTS_APPEND");
        for (String option : image.group(1).trim().split("\\s+")) {
            assertTrue(javaOpts.contains(option), "JAVA_OPTS_APPEND drops the image's option " + option);
        }
    }

    @Test
    void shutdownDrainsWithinTheGracePeriod() {
        String timeout = applicationProperties.getProperty("quarkus.shutdown.timeout");
        assertNotNull(timeout, "application.properties no longer sets quarkus.shutdown.timeout");
        Duration shutdown = parseQuarkusDuration(timeout);
        long preStopSeconds = 0;
        Container container = container();
        if (container.getLifecycle() != null && container.getLifecycle().getPreStop() != null) {
            var preStop = container.getLifecycle().getPreStop();
            if (preStop.getSleep() != null) {
                preStopSeconds = preStop.getSleep().getSeconds();
            } else if (preStop.getExec() != null && preStop.getExec().getCommand().size() == 2
                    && preStop.getExec().getCommand().get(0).equals("sleep")) {
                preStopSeconds = Long.parseLong(preStop.getExec().getCommand().get(1));
            }
        }
        assertTrue(preStopSeconds > 0, "a preStop sleep lets the load balancer stop routing first");
        Long grace = podSpec().getTerminationGracePeriodSeconds();
        assertNotNull(grace, "terminationGracePeriodSeconds");
        assertTrue(grace > shutdown.toSeconds() + preStopSeconds,
                "terminationGracePeriodSeconds " + grace + " must exceed preStop " + preStopSeconds
                        + "s + quarkus.shutdown.timeout " + shutdown.toSeconds() + "s");
    }

    // ------------------------------------------------------------------ 3. environment

    @Test
    void everyEnvironmentVariableIsOneTheApplicationReads() throws IOException {
        Set<String> known = new TreeSet<>();
        Set<String> families = new TreeSet<>();
        collectApplicationVariables(known, families);

        Map<String, String> unknown = new LinkedHashMap<>();
        setVariables().forEach((name, origin) -> {
            boolean ok = known.contains(name) || families.stream().anyMatch(f -> name.startsWith(f) && name.length() > f.length());
            if (!ok) {
                unknown.put(name, origin);
            }
        });
        assertTrue(unknown.isEmpty(), "the Deployment sets variables the application does not read (typo?): " + unknown
                + "\nknown: " + known + "\nfamilies: " + families);
    }

    @Test
    void theVariableRuleRejectsATypo() throws IOException {
        Set<String> known = new TreeSet<>();
        Set<String> families = new TreeSet<>();
        collectApplicationVariables(known, families);
        assertTrue(known.containsAll(Set.of("QUARKUS_DATASOURCE_USERNAME", "DATABASE_URL", "DB_POOL_MAX_SIZE",
                "FAPIAO_EMBEDDED_POSTGRES_ENABLED", "FAPIAO_ENCRYPTION_ACTIVE_KEY", "QUARKUS_SHUTDOWN_TIMEOUT")), known::toString);
        assertTrue(families.contains("FAPIAO_ENCRYPTION_KEYS_"), families::toString);
        assertFalse(known.contains("QUARKUS_DATASOURC_USERNAME"));
        assertFalse(families.stream().anyMatch("QUARKUS_DATASOURC_USERNAME"::startsWith));
    }

    /** Names the Deployment puts into the container's environment, with where each comes from. */
    private static Map<String, String> setVariables() {
        Map<String, String> names = new LinkedHashMap<>();
        Container container = container();
        for (EnvFromSource source : Optional.ofNullable(container.getEnvFrom()).orElse(List.of())) {
            String prefix = Optional.ofNullable(source.getPrefix()).orElse("");
            if (source.getConfigMapRef() != null) {
                String name = source.getConfigMapRef().getName();
                ConfigMap configMap = the(ConfigMap.class);
                assertEquals(configMap.getMetadata().getName(), name, "envFrom refers to a ConfigMap the base does not define");
                Optional.ofNullable(configMap.getData()).orElse(Map.of()).keySet()
                        .forEach(key -> names.put(prefix + key, "ConfigMap " + name));
            }
            if (source.getSecretRef() != null) {
                String name = source.getSecretRef().getName();
                assertEquals(secretTemplate().getMetadata().getName(), name, "envFrom refers to a Secret without a template");
                secretTemplateData().keySet().forEach(key -> names.put(prefix + key, "Secret " + name));
            }
        }
        for (EnvVar env : Optional.ofNullable(container.getEnv()).orElse(List.of())) {
            names.put(env.getName(), "env");
        }
        return names;
    }

    private static void collectApplicationVariables(Set<String> known, Set<String> families) throws IOException {
        // Every property application.properties declares, and every ${NAME} it expands.
        for (String key : applicationProperties.stringPropertyNames()) {
            known.add(environmentName(key.replaceFirst("^%[^.]+\\.", "")));
            Matcher reference = Pattern.compile("\\$\\{([^:}\\s]+)").matcher(applicationProperties.getProperty(key));
            while (reference.find()) {
                known.add(environmentName(reference.group(1)));
            }
        }
        // Names the application's own config code looks up, and its @ConfigMapping interfaces.
        try (Stream<Path> files = Files.walk(MAIN_JAVA)) {
            for (Path file : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                String source = Files.readString(file, StandardCharsets.UTF_8);
                if (!source.contains("io.smallrye.config") && !source.contains("org.eclipse.microprofile.config")) {
                    continue;
                }
                Matcher literal = Pattern.compile("\"([a-z][a-z0-9-]*(?:\\.[a-z0-9-]+)+)\"").matcher(source);
                while (literal.find()) {
                    known.add(environmentName(literal.group(1)));
                }
                collectConfigMapping(source, known, families);
            }
        }
        QUARKUS_PROPERTIES_SET_BY_DEPLOYMENT.forEach(p -> known.add(environmentName(p)));
        known.addAll(IMAGE_VARIABLES);
        // The key ring (documented in application.properties), also found through EncryptionConfig.keys().
        families.add("FAPIAO_ENCRYPTION_KEYS_");
    }

    private static final Pattern CONFIG_MAPPING = Pattern.compile("@ConfigMapping\\(\\s*prefix\\s*=\\s*\"([^\"]+)\"[^)]*\\)\\s*(?:public\\s+)?interface\\s+(\\w+)");
    private static final Pattern INTERFACE = Pattern.compile("interface\\s+(\\w+)[^{]*\\{");
    private static final Pattern ACCESSOR = Pattern.compile("(?:@WithName\\(\"([^\"]+)\"\\)\\s*)?(?:@\\w+(?:\\([^)]*\\))?\\s*)*([\\w.]+(?:<[^;(]*>)?)\\s+(\\w+)\\(\\)\\s*;");

    /** Property names of a {@code @ConfigMapping} interface: leaves are names, maps are families. */
    private static void collectConfigMapping(String source, Set<String> known, Set<String> families) {
        Matcher mapping = CONFIG_MAPPING.matcher(source);
        if (!mapping.find()) {
            return;
        }
        Map<String, List<String[]>> interfaces = new LinkedHashMap<>();
        Matcher declaration = INTERFACE.matcher(source);
        while (declaration.find()) {
            int start = declaration.end();
            int depth = 1;
            int end = start;
            StringBuilder body = new StringBuilder();
            while (end < source.length() && depth > 0) {
                char c = source.charAt(end++);
                if (c == '{') {
                    depth++;
                } else if (c == '}') {
                    depth--;
                }
                // Only the interface's own members, not those of interfaces nested in it.
                if (depth == 1 && c != '}') {
                    body.append(c);
                } else if (depth == 1) {
                    body.append(';');
                }
            }
            List<String[]> accessors = new ArrayList<>();
            Matcher accessor = ACCESSOR.matcher(body.toString().replaceAll("/\\*(?s:.*?)\\*/", "").replaceAll("//[^\n]*", ""));
            while (accessor.find()) {
                String name = accessor.group(1) != null ? accessor.group(1) : kebab(accessor.group(3));
                accessors.add(new String[]{accessor.group(2), name});
            }
            interfaces.put(declaration.group(1), accessors);
        }
        addMappingNames(mapping.group(1), mapping.group(2), interfaces, known, families, 0);
    }

    private static void addMappingNames(String prefix, String type, Map<String, List<String[]>> interfaces,
                                        Set<String> known, Set<String> families, int depth) {
        for (String[] accessor : interfaces.getOrDefault(type, List.of())) {
            String returnType = accessor[0].replaceAll("^(?:java\\.util\\.)?Optional<(.*)>$", "$1");
            String name = prefix + "." + accessor[1];
            if (returnType.matches("(?:java\\.util\\.)?Map<.*")) {
                families.add(environmentName(name) + "_");
            } else if (interfaces.containsKey(returnType) && depth < 5) {
                addMappingNames(name, returnType, interfaces, known, families, depth + 1);
            } else {
                known.add(environmentName(name));
            }
        }
    }

    /** SmallRye's rule: every character that is not a letter or digit becomes {@code _}, then upper case. */
    static String environmentName(String property) {
        StringBuilder name = new StringBuilder(property.length());
        for (char c : property.toCharArray()) {
            name.append(Character.isLetterOrDigit(c) ? Character.toUpperCase(c) : '_');
        }
        return name.toString();
    }

    private static String kebab(String camel) {
        return camel.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
    }

    // ------------------------------------------------------------------ 4. secret template

    @Test
    void secretTemplateHoldsTheKeysTheConfigurationNeeds() {
        HasMetadata template = secretTemplate();
        assertEquals("Secret", template.getKind());
        assertEquals("fapiao-server-secrets", template.getMetadata().getName());
        Set<String> keys = secretTemplateData().keySet();
        String secretName = template.getMetadata().getName();

        for (String variable : List.of("FAPIAO_JWT_SIGN_KEY_LOCATION", "FAPIAO_JWT_VERIFY_KEY_LOCATION")) {
            String location = envValue(variable);
            assertNotNull(location, variable + " is not set");
            Path file = Path.of(location);
            VolumeMount mount = container().getVolumeMounts().stream()
                    .filter(m -> file.getParent().equals(Path.of(m.getMountPath())))
                    .findFirst().orElseThrow(() -> new AssertionError(variable + "=" + location + " is on no mounted volume"));
            assertEquals(Boolean.TRUE, mount.getReadOnly(), mount.getMountPath() + " must be read-only");
            Volume volume = volume(mount.getName());
            assertNotNull(volume.getSecret(), mount.getMountPath() + " must come from a Secret");
            assertEquals(secretName, volume.getSecret().getSecretName(), mount.getMountPath() + " secret");
            String fileName = file.getFileName().toString();
            String key = volume.getSecret().getItems() == null || volume.getSecret().getItems().isEmpty()
                    ? fileName
                    : volume.getSecret().getItems().stream().filter(i -> fileName.equals(i.getPath())).map(i -> i.getKey())
                    .findFirst().orElseThrow(() -> new AssertionError("the secret volume has no item for " + fileName));
            assertTrue(keys.contains(key), "the secret template has no key " + key + " for " + variable);
        }

        // Every key the Deployment takes from this Secret exists in the template.
        for (EnvVar env : container().getEnv()) {
            SecretKeySelector ref = env.getValueFrom() == null ? null : env.getValueFrom().getSecretKeyRef();
            if (ref != null && secretName.equals(ref.getName())) {
                assertTrue(keys.contains(ref.getKey()), env.getName() + ": the secret template has no key " + ref.getKey());
            }
        }

        // The active encryption key id has a key in the ring.
        String active = the(ConfigMap.class).getData().get("FAPIAO_ENCRYPTION_ACTIVE_KEY");
        assertNotBlank(active, "ConfigMap FAPIAO_ENCRYPTION_ACTIVE_KEY");
        String ring = "FAPIAO_ENCRYPTION_KEYS_" + environmentName(active);
        boolean fromEnvFrom = Optional.ofNullable(container().getEnvFrom()).orElse(List.of()).stream()
                .anyMatch(s -> s.getSecretRef() != null && secretName.equals(s.getSecretRef().getName()) && s.getPrefix() == null)
                && keys.contains(ring);
        EnvVar env = container().getEnv().stream().filter(e -> ring.equals(e.getName())).findFirst().orElse(null);
        boolean fromEnv = env != null && env.getValueFrom() != null && env.getValueFrom().getSecretKeyRef() != null
                && secretName.equals(env.getValueFrom().getSecretKeyRef().getName())
                && keys.contains(env.getValueFrom().getSecretKeyRef().getKey());
        assertTrue(fromEnvFrom || fromEnv, "the active encryption key '" + active + "' needs " + ring + " from the Secret");
    }

    @Test
    void theFeedbackDeskIsConfiguredWithTheOtherSettings() {
        // Without them nobody works the desk and escalations go nowhere; placeholders show an overlay must set them.
        Map<String, String> settings = the(ConfigMap.class).getData();
        for (String key : List.of("FAPIAO_SUPPORT_DESK_ORGANISATION", "FAPIAO_SUPPORT_TEAM_LEAD")) {
            assertNotBlank(settings.get(key), "ConfigMap " + key);
        }
    }

    @Test
    void secretTemplateHoldsOnlyPlaceholders() {
        Map<String, String> data = secretTemplateData();
        assertFalse(data.isEmpty(), "the secret template is empty");
        Pattern base64Run = Pattern.compile("[A-Za-z0-9+/]{40,}={0,2}");
        data.forEach((key, value) -> {
            assertTrue(value.contains("REPLACE_ME"), key + " must be an obvious placeholder (REPLACE_ME)");
            assertFalse(value.contains("-----"), key + " looks like PEM key material");
            assertFalse(base64Run.matcher(value).find(), key + " looks like real key material");
        });
        Object raw = ((io.fabric8.kubernetes.api.model.Secret) secretTemplate()).getData();
        assertTrue(raw == null || ((Map<?, ?>) raw).isEmpty(), "the template must use stringData placeholders, not data");
    }

    // ------------------------------------------------------------------ 5. wiring

    @Test
    void serviceHpaPdbAndNetworkPolicyPointAtTheDeployment() {
        Deployment deployment = the(Deployment.class);
        Map<String, String> podLabels = podLabels();
        Set<String> portNames = container().getPorts().stream().map(ContainerPort::getName).collect(Collectors.toSet());

        Service service = the(Service.class);
        assertEquals("ClusterIP", Optional.ofNullable(service.getSpec().getType()).orElse("ClusterIP"));
        assertFalse(service.getSpec().getSelector() == null || service.getSpec().getSelector().isEmpty(), "Service selector");
        assertTrue(isSubset(service.getSpec().getSelector(), podLabels), "Service selector " + service.getSpec().getSelector()
                + " does not select the pods " + podLabels);
        ServicePort port = service.getSpec().getPorts().get(0);
        assertEquals(80, port.getPort(), "Service port");
        assertEquals("http", port.getTargetPort().getStrVal(), "Service targetPort must be the named port");
        assertTrue(portNames.contains(port.getTargetPort().getStrVal()), "Service targetPort is not a container port");

        HorizontalPodAutoscaler hpa = the(HorizontalPodAutoscaler.class);
        assertEquals("Deployment", hpa.getSpec().getScaleTargetRef().getKind());
        assertEquals("apps/v1", hpa.getSpec().getScaleTargetRef().getApiVersion());
        assertEquals(deployment.getMetadata().getName(), hpa.getSpec().getScaleTargetRef().getName(), "HPA target");
        assertEquals(3, hpa.getSpec().getMinReplicas(), "HPA minReplicas");
        assertEquals(10, hpa.getSpec().getMaxReplicas(), "HPA maxReplicas");
        MetricSpec cpu = hpa.getSpec().getMetrics().stream()
                .filter(m -> m.getResource() != null && "cpu".equals(m.getResource().getName())).findFirst()
                .orElseThrow(() -> new AssertionError("HPA has no CPU metric"));
        assertEquals(70, cpu.getResource().getTarget().getAverageUtilization(), "HPA CPU target");

        PodDisruptionBudget pdb = the(PodDisruptionBudget.class);
        assertEquals(new IntOrString(2), pdb.getSpec().getMinAvailable(), "PDB minAvailable");
        assertTrue(pdb.getSpec().getMinAvailable().getIntVal() < hpa.getSpec().getMinReplicas(), "the PDB must allow evictions");
        assertTrue(isSubset(pdb.getSpec().getSelector().getMatchLabels(), podLabels), "PDB selector");

        NetworkPolicy policy = the(NetworkPolicy.class);
        Map<String, String> selected = policy.getSpec().getPodSelector().getMatchLabels();
        assertFalse(selected == null || selected.isEmpty(), "NetworkPolicy must select the pods, not the whole namespace");
        assertTrue(isSubset(selected, podLabels), "NetworkPolicy podSelector");
        assertEquals(List.of("Ingress", "Egress"), policy.getSpec().getPolicyTypes());
        NetworkPolicyIngressRule fromIngress = policy.getSpec().getIngress().stream()
                .filter(r -> r.getFrom().stream().anyMatch(p -> "ingress-nginx".equals(namespaceOf(p)))).findFirst()
                .orElseThrow(() -> new AssertionError("no ingress rule from the ingress-nginx namespace"));
        for (NetworkPolicyIngressRule rule : policy.getSpec().getIngress()) {
            for (NetworkPolicyPort p : rule.getPorts()) {
                assertTrue(p.getPort().getStrVal() != null && portNames.contains(p.getPort().getStrVal()),
                        "NetworkPolicy ingress port " + p.getPort() + " is not a container port name");
            }
        }
        assertFalse(fromIngress.getPorts().isEmpty(), "the ingress rule must name the port");
    }

    @Test
    void networkPolicyLetsThePodsReachOnlyTheDatabaseAndDns() {
        String cluster = postgresCluster().getMetadata().getName();
        List<NetworkPolicyEgressRule> egress = the(NetworkPolicy.class).getSpec().getEgress();
        assertEquals(2, egress.size(), "egress: the database and DNS only");
        assertTrue(egress.stream().anyMatch(r -> r.getTo().stream().anyMatch(p -> p.getPodSelector() != null
                        && cluster.equals(p.getPodSelector().getMatchLabels().get("cnpg.io/cluster")))
                        && r.getPorts().stream().anyMatch(p -> Objects.equals(new IntOrString(5432), p.getPort()))),
                "no egress to the database pods (cnpg.io/cluster: " + cluster + ") on 5432");
        assertTrue(egress.stream().anyMatch(r -> r.getTo().stream().anyMatch(p -> "kube-system".equals(namespaceOf(p)))
                        && r.getPorts().stream().anyMatch(p -> "UDP".equals(p.getProtocol()) && Objects.equals(new IntOrString(53), p.getPort()))
                        && r.getPorts().stream().anyMatch(p -> "TCP".equals(p.getProtocol()) && Objects.equals(new IntOrString(53), p.getPort()))),
                "no egress to DNS in kube-system on 53 UDP and TCP");
    }

    @Test
    void ingressRoutesToTheServiceAndKeepsWebSocketsOpen() {
        Ingress ingress = the(Ingress.class);
        Service service = the(Service.class);
        Set<String> servicePortNames = service.getSpec().getPorts().stream().map(ServicePort::getName).collect(Collectors.toSet());
        Set<Integer> servicePorts = service.getSpec().getPorts().stream().map(ServicePort::getPort).collect(Collectors.toSet());
        assertEquals("nginx", ingress.getSpec().getIngressClassName());
        List<IngressRule> rules = ingress.getSpec().getRules();
        assertFalse(rules.isEmpty(), "Ingress has no rules");
        Set<String> tlsHosts = ingress.getSpec().getTls().stream().flatMap(t -> t.getHosts().stream()).collect(Collectors.toSet());
        boolean graphql = false;
        for (IngressRule rule : rules) {
            assertTrue(tlsHosts.contains(rule.getHost()), "host " + rule.getHost() + " has no TLS");
            for (HTTPIngressPath path : rule.getHttp().getPaths()) {
                var backend = path.getBackend().getService();
                assertEquals(service.getMetadata().getName(), backend.getName(), "Ingress backend service");
                assertTrue(backend.getPort().getName() != null ? servicePortNames.contains(backend.getPort().getName())
                        : servicePorts.contains(backend.getPort().getNumber()), "Ingress backend port is not a Service port");
                graphql |= "/graphql".equals(path.getPath()) || "/".equals(path.getPath());
            }
        }
        assertTrue(graphql, "the Ingress does not route /graphql");
        Map<String, String> annotations = ingress.getMetadata().getAnnotations();
        assertEquals("3600", annotations.get("nginx.ingress.kubernetes.io/proxy-read-timeout"));
        assertEquals("3600", annotations.get("nginx.ingress.kubernetes.io/proxy-send-timeout"));
        assertEquals("1m", annotations.get("nginx.ingress.kubernetes.io/proxy-body-size"));
    }

    @Test
    void databaseIsASynchronouslyReplicatedClusterTheDeploymentReaches() {
        GenericKubernetesResource cluster = postgresCluster();
        String name = cluster.getMetadata().getName();
        Map<?, ?> spec = (Map<?, ?>) cluster.getAdditionalProperties().get("spec");
        assertNotNull(spec, "Cluster spec");
        assertEquals(3, number(spec, "instances"), "Cluster instances");
        int minSync = number(spec, "minSyncReplicas");
        assertTrue(minSync >= 1, "minSyncReplicas must be at least 1 (a synchronous replica)");
        assertTrue(number(spec, "maxSyncReplicas") >= minSync && number(spec, "maxSyncReplicas") < 3, "maxSyncReplicas");
        assertTrue(String.valueOf(spec.get("imageName")).contains("postgresql:17"), "PostgreSQL 17 image");
        Map<?, ?> initdb = (Map<?, ?>) ((Map<?, ?>) spec.get("bootstrap")).get("initdb");
        String database = String.valueOf(initdb.get("database"));

        // Connections: every replica's pools at the HPA maximum must fit max_connections.
        Map<?, ?> parameters = (Map<?, ?>) ((Map<?, ?>) spec.get("postgresql")).get("parameters");
        int maxConnections = Integer.parseInt(String.valueOf(parameters.get("max_connections")));
        int pool = Integer.parseInt(the(ConfigMap.class).getData().get("DB_POOL_MAX_SIZE"));
        int jdbc = Integer.parseInt(applicationProperties.getProperty("quarkus.datasource.jdbc.max-size", "20"));
        int replicas = the(HorizontalPodAutoscaler.class).getSpec().getMaxReplicas();
        assertTrue(maxConnections > replicas * (pool + jdbc) + 10, "max_connections " + maxConnections
                + " leaves no headroom over " + replicas + " replicas x (" + pool + " + " + jdbc + ") connections");

        // The services the operator creates for this cluster, plus any Pooler's.
        Set<String> hosts = new LinkedHashSet<>(List.of(name + "-rw"));
        MANIFESTS.values().stream().filter(o -> "Pooler".equals(o.getKind())).forEach(p -> hosts.add(p.getMetadata().getName()));
        URI reactive = URI.create(envValue("QUARKUS_DATASOURCE_REACTIVE_URL"));
        URI jdbcUrl = URI.create(envValue("QUARKUS_DATASOURCE_JDBC_URL").replaceFirst("^jdbc:", ""));
        assertEquals("postgresql", reactive.getScheme());
        assertTrue(hosts.contains(reactive.getHost()), "reactive URL host " + reactive.getHost() + " is none of " + hosts);
        // Flyway (JDBC) needs a session: straight to the primary, never through a transaction pooler.
        assertEquals(name + "-rw", jdbcUrl.getHost(), "JDBC (Flyway) URL host");
        assertEquals("/" + database, reactive.getPath(), "reactive URL database");
        assertEquals("/" + database, jdbcUrl.getPath(), "JDBC URL database");

        // Credentials from the Secret the operator generates for the database owner.
        for (String[] variable : new String[][]{{"QUARKUS_DATASOURCE_USERNAME", "username"}, {"QUARKUS_DATASOURCE_PASSWORD", "password"}}) {
            EnvVar env = container().getEnv().stream().filter(e -> variable[0].equals(e.getName())).findFirst()
                    .orElseThrow(() -> new AssertionError(variable[0] + " is not set"));
            SecretKeySelector ref = env.getValueFrom().getSecretKeyRef();
            assertEquals(name + "-app", ref.getName(), variable[0] + " secret");
            assertEquals(variable[1], ref.getKey(), variable[0] + " key");
        }
        assertEquals("false", the(ConfigMap.class).getData().get("FAPIAO_EMBEDDED_POSTGRES_ENABLED"),
                "the cluster must never fall back to an embedded database");
    }

    // ------------------------------------------------------------------ helpers

    private static <T extends HasMetadata> T the(Class<T> type) {
        List<T> found = MANIFESTS.entrySet().stream().filter(e -> !SECRET_TEMPLATES.contains(e.getKey()))
                .map(Map.Entry::getValue).filter(type::isInstance).map(type::cast).toList();
        assertEquals(1, found.size(), "expected exactly one " + type.getSimpleName() + " in kustomization.yaml resources");
        return found.get(0);
    }

    private static GenericKubernetesResource postgresCluster() {
        List<GenericKubernetesResource> clusters = MANIFESTS.values().stream()
                .filter(o -> o instanceof GenericKubernetesResource && "Cluster".equals(o.getKind())
                        && o.getApiVersion().equals("postgresql.cnpg.io/v1"))
                .map(GenericKubernetesResource.class::cast).toList();
        assertEquals(1, clusters.size(), "expected one CloudNativePG Cluster");
        return clusters.get(0);
    }

    private static HasMetadata secretTemplate() {
        return MANIFESTS.get(SECRET_TEMPLATE);
    }

    private static Map<String, String> secretTemplateData() {
        assertTrue(secretTemplate() instanceof io.fabric8.kubernetes.api.model.Secret, "the secret template is not a Secret");
        return Optional.ofNullable(((io.fabric8.kubernetes.api.model.Secret) secretTemplate()).getStringData()).orElse(Map.of());
    }

    private static PodSpec podSpec() {
        return the(Deployment.class).getSpec().getTemplate().getSpec();
    }

    private static Map<String, String> podLabels() {
        return the(Deployment.class).getSpec().getTemplate().getMetadata().getLabels();
    }

    private static Container container() {
        List<Container> containers = podSpec().getContainers();
        assertEquals(1, containers.size(), "one application container");
        return containers.get(0);
    }

    private static Volume volume(String name) {
        return podSpec().getVolumes().stream().filter(v -> name.equals(v.getName())).findFirst()
                .orElseThrow(() -> new AssertionError("no volume " + name));
    }

    private static String envValue(String name) {
        return Optional.ofNullable(container().getEnv()).orElse(List.of()).stream()
                .filter(e -> name.equals(e.getName())).map(EnvVar::getValue).findFirst().orElse(null);
    }

    private static String namespaceOf(NetworkPolicyPeer peer) {
        return peer.getNamespaceSelector() == null || peer.getNamespaceSelector().getMatchLabels() == null ? null
                : peer.getNamespaceSelector().getMatchLabels().get("kubernetes.io/metadata.name");
    }

    private static boolean isSubset(Map<String, String> selector, Map<String, String> labels) {
        return selector != null && !selector.isEmpty() && labels != null && labels.entrySet().containsAll(selector.entrySet());
    }

    private static int number(Map<?, ?> map, String key) {
        Object value = map.get(key);
        assertTrue(value instanceof Number, key + " must be a number, is " + value);
        return ((Number) value).intValue();
    }

    @SafeVarargs
    private static <T> T firstNonNull(T... values) {
        return Stream.of(values).filter(Objects::nonNull).findFirst().orElse(null);
    }

    private static void assertNotBlank(String value, String what) {
        assertTrue(value != null && !value.isBlank(), what + " is missing");
    }

    /** Quarkus durations: ISO-8601 ({@code PT30S}), a number of seconds, or a number with ms/s/m/h/d. */
    static Duration parseQuarkusDuration(String value) {
        String text = value.trim();
        if (text.startsWith("P") || text.startsWith("p")) {
            return Duration.parse(text);
        }
        Matcher m = Pattern.compile("(\\d+)\\s*(ms|s|m|h|d)?", Pattern.CASE_INSENSITIVE).matcher(text);
        if (!m.matches()) {
            fail("cannot parse the duration '" + value + "'");
        }
        long amount = Long.parseLong(m.group(1));
        String unit = m.group(2) == null ? "s" : m.group(2).toLowerCase(Locale.ROOT);
        return switch (unit) {
            case "ms" -> Duration.ofMillis(amount);
            case "m" -> Duration.ofMinutes(amount);
            case "h" -> Duration.ofHours(amount);
            case "d" -> Duration.ofDays(amount);
            default -> Duration.ofSeconds(amount);
        };
    }

    @Test
    void durationsParseTheWayQuarkusReadsThem() {
        assertEquals(Duration.ofSeconds(30), parseQuarkusDuration("30s"));
        assertEquals(Duration.ofSeconds(30), parseQuarkusDuration("30"));
        assertEquals(Duration.ofMinutes(2), parseQuarkusDuration("2m"));
        assertEquals(Duration.ofSeconds(45), parseQuarkusDuration("PT45S"));
        assertEquals(Duration.ofMillis(500), parseQuarkusDuration("500ms"));
    }

    /** Fields the model did not recognise land in additionalProperties: report them with their path. */
    private static void collectUnknownFields(Object object, String path, List<String> out, Set<Object> seen) {
        if (object == null || !seen.add(object)) {
            return;
        }
        if (object instanceof Collection<?> collection) {
            int i = 0;
            for (Object element : collection) {
                collectUnknownFields(element, path + "[" + i++ + "]", out, seen);
            }
            return;
        }
        if (object instanceof Map<?, ?> map) {
            map.forEach((k, v) -> collectUnknownFields(v, path + "." + k, out, seen));
            return;
        }
        Class<?> type = object.getClass();
        if (!type.getName().startsWith("io.fabric8.kubernetes.api.model") || object instanceof Quantity
                || object instanceof IntOrString || object instanceof GenericKubernetesResource) {
            return;
        }
        for (Method getter : type.getMethods()) {
            if (getter.getParameterCount() != 0 || Modifier.isStatic(getter.getModifiers())
                    || !getter.getName().startsWith("get") || getter.getName().equals("getClass")) {
                continue;
            }
            Object value;
            try {
                value = getter.invoke(object);
            } catch (ReflectiveOperationException | RuntimeException e) {
                continue;
            }
            if (getter.getName().equals("getAdditionalProperties")) {
                if (value instanceof Map<?, ?> extra && !extra.isEmpty()) {
                    out.add(path + ": " + extra.keySet());
                }
            } else {
                String field = Character.toLowerCase(getter.getName().charAt(3)) + getter.getName().substring(4);
                collectUnknownFields(value, path + "." + field, out, seen);
            }
        }
    }
}
