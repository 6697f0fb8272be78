package cn.fapiao.deployment;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static cn.fapiao.deployment.KubernetesManifestsTest.readYaml;
import static cn.fapiao.deployment.KubernetesManifestsTest.readYamlTree;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The database backups in {@code k8s/} (WAL archiving and daily base backups through the Barman Cloud
 * plugin of CloudNativePG) and the restore procedure, checked against each other, against the
 * credentials template and against the commands of {@code k8s/README.md}. Names that must agree
 * across files are the ones a typo breaks silently: the backups would simply not happen, or a
 * restore would find nothing. Plain JUnit on the YAML as maps (the resources are custom ones).
 */
class DatabaseBackupManifestsTest {

    private static final Path K8S = Path.of("").toAbsolutePath().resolve("k8s");
    private static final String PLUGIN = "barman-cloud.cloudnative-pg.io";
    private static final String CREDENTIALS_TEMPLATE = "postgres-backup-secret-template.yaml";
    private static final String RESTORE = "restore/postgres-cluster-restore.yaml";
    private static final String USE_RESTORED = "restore/use-restored-database/kustomization.yaml";
    private static final String PLACEHOLDER = "REPLACE_ME";

    /** Listed resources of the base, by file. */
    private static final Map<String, Map<?, ?>> BASE = new LinkedHashMap<>();
    private static String readme;

    @BeforeAll
    static void load() throws IOException {
        for (Object file : (List<?>) readYaml(read("kustomization.yaml")).get("resources")) {
            BASE.put(String.valueOf(file), readYaml(read(String.valueOf(file))));
        }
        readme = read("README.md");
    }

    // ------------------------------------------------------------------ backups

    @Test
    void theClusterArchivesThroughThePluginIntoTheObjectStoreOfTheBase() {
        Map<?, ?> spec = map(cluster(), "spec");
        assertNull(spec.get("backup"), "no in-tree spec.backup (deprecated since CloudNativePG 1.26): "
                + "it and the plugin would both archive WAL");
        List<Map<?, ?>> archivers = list(spec, "plugins").stream().<Map<?, ?>>map(p -> (Map<?, ?>) p)
                .filter(p -> Boolean.TRUE.equals(p.get("isWALArchiver"))).toList();
        assertEquals(1, archivers.size(), "exactly one WAL archiver in spec.plugins");
        assertEquals(PLUGIN, archivers.get(0).get("name"), "the WAL archiver plugin");
        assertEquals(name(objectStore()), map(archivers.get(0), "parameters").get("barmanObjectName"),
                "the Cluster must archive into the ObjectStore of the base");
    }

    @Test
    void theObjectStoreKeepsAWindowAndLeavesBucketAndEndpointToOverlays() {
        Map<?, ?> spec = map(objectStore(), "spec");
        Matcher retention = Pattern.compile("([1-9][0-9]*)([dwm])").matcher(String.valueOf(spec.get("retentionPolicy")));
        assertTrue(retention.matches(), "retentionPolicy must be like 30d, 4w or 1m: " + spec.get("retentionPolicy"));
        int days = Integer.parseInt(retention.group(1)) * switch (retention.group(2)) {
            case "w" -> 7;
            case "m" -> 30;
            default -> 1;
        };
        assertTrue(days >= 7, "a recovery window of " + days + " days leaves no time to notice a bad change");

        Map<?, ?> configuration = map(spec, "configuration");
        // The plugin takes the server name from the Cluster; here it must stay empty (plugin docs).
        assertNull(configuration.get("serverName"), "ObjectStore configuration.serverName must be left empty");
        String destination = String.valueOf(configuration.get("destinationPath"));
        assertTrue(destination.startsWith("s3://"), "an S3-compatible destinationPath: " + destination);
        assertTrue(destination.contains(PLACEHOLDER), "the base names no real bucket (an overlay does): " + destination);
        if (configuration.get("endpointURL") != null) {
            URI endpoint = URI.create(String.valueOf(configuration.get("endpointURL")));
            assertEquals("https", endpoint.getScheme(), "backups travel over TLS");
            assertTrue(endpoint.getRawAuthority().contains(PLACEHOLDER), "the base names no real endpoint: " + endpoint);
        }
        assertNotNull(map(configuration, "wal").get("compression"), "WAL compression");
        assertNotNull(map(configuration, "data").get("compression"), "base backup compression");
    }

    @Test
    void theCredentialsComeFromTheTemplatedSecretThatTheReadmeCreates() throws IOException {
        Map<?, ?> credentials = map(map(map(objectStore(), "spec"), "configuration"), "s3Credentials");
        Map<?, ?> template = readYaml(read(CREDENTIALS_TEMPLATE));
        assertEquals("Secret", template.get("kind"));
        String secret = name(template);
        Set<String> referenced = new TreeSet<>();
        for (String field : List.of("accessKeyId", "secretAccessKey")) {
            Map<?, ?> ref = map(credentials, field);
            assertEquals(secret, ref.get("name"), "s3Credentials." + field + " must name the Secret of " + CREDENTIALS_TEMPLATE);
            referenced.add(String.valueOf(ref.get("key")));
        }
        assertEquals(referenced, new TreeSet<>(((Map<?, ?>) template.get("stringData")).keySet()),
                "the template must hold exactly the keys the ObjectStore reads");

        Matcher command = Pattern.compile("create secret generic " + Pattern.quote(secret) + "((?:[^\\n]*\\\\\\n)*[^\\n]*)").matcher(readme);
        assertTrue(command.find(), "README.md has no `kubectl create secret generic " + secret + "` command");
        Set<String> created = new TreeSet<>();
        Matcher literal = Pattern.compile("--from-(?:literal|file)=([A-Za-z0-9_.-]+)=").matcher(command.group(1));
        while (literal.find()) {
            created.add(literal.group(1));
        }
        assertEquals(referenced, created, "the README command must create the keys the ObjectStore reads");
        assertFalse(BASE.containsKey(CREDENTIALS_TEMPLATE), "the credentials template must not be applied");
    }

    @Test
    void aDailyScheduledBackupOfTheClusterGoesThroughThePlugin() {
        List<Map<?, ?>> scheduled = BASE.values().stream().filter(o -> "ScheduledBackup".equals(o.get("kind"))).toList();
        assertEquals(1, scheduled.size(), "one ScheduledBackup in the base");
        Map<?, ?> spec = map(scheduled.get(0), "spec");
        assertEquals("postgresql.cnpg.io/v1", scheduled.get(0).get("apiVersion"));
        assertEquals(name(cluster()), map(spec, "cluster").get("name"), "the ScheduledBackup must name the Cluster");
        assertEquals("plugin", spec.get("method"), "base backups go where the WAL goes: method plugin");
        assertEquals(PLUGIN, map(spec, "pluginConfiguration").get("name"));
        assertEquals("cluster", spec.get("backupOwnerReference"), "Backup objects are garbage-collected with the Cluster");
        assertEquals(Boolean.TRUE, spec.get("immediate"), "a first base backup at once: archived WAL alone restores nothing");
        assertFalse(Boolean.TRUE.equals(spec.get("suspend")), "the schedule must not be suspended");
        // CloudNativePG's cron has six fields, seconds first: a five-field crontab would mean something else.
        String[] fields = String.valueOf(spec.get("schedule")).trim().split("\\s+");
        assertEquals(6, fields.length, "schedule needs six fields (seconds first): " + spec.get("schedule"));
        for (int i = 0; i < 3; i++) {
            assertTrue(fields[i].matches("\\d+"), "daily: second, minute and hour are fixed: " + spec.get("schedule"));
        }
        assertEquals(List.of("*", "*", "*"), List.of(fields[3], fields[4], fields[5]), "daily: every day of every month");
    }

    // ------------------------------------------------------------------ restore

    @Test
    void theRestoreRecoversTheBackedUpServerIntoANewClusterWithoutWritingIntoIt() throws IOException {
        Map<?, ?> restore = readYaml(read(RESTORE));
        Map<?, ?> original = cluster();
        assertEquals("Cluster", restore.get("kind"));
        assertEquals(original.get("apiVersion"), restore.get("apiVersion"));
        assertFalse(name(original).equals(name(restore)), "a restore is a new Cluster, never the live one");
        Map<?, ?> spec = map(restore, "spec");
        Map<?, ?> originalSpec = map(original, "spec");

        Map<?, ?> recovery = map(map(spec, "bootstrap"), "recovery");
        List<Map<?, ?>> sources = list(spec, "externalClusters").stream().<Map<?, ?>>map(e -> (Map<?, ?>) e)
                .filter(e -> Objects.equals(recovery.get("source"), e.get("name"))).toList();
        assertEquals(1, sources.size(), "bootstrap.recovery.source must name one of externalClusters");
        Map<?, ?> plugin = map(sources.get(0), "plugin");
        assertEquals(PLUGIN, plugin.get("name"), "the recovery source reads through the Barman Cloud plugin");
        Map<?, ?> parameters = map(plugin, "parameters");
        assertEquals(name(objectStore()), parameters.get("barmanObjectName"), "the recovery source must be the ObjectStore backed up into");
        String backedUp = archiveServerName(originalSpec, name(original));
        assertEquals(backedUp, parameters.get("serverName"), "the recovery source must be the server name the Cluster archives under");

        Map<?, ?> initdb = map(map(originalSpec, "bootstrap"), "initdb");
        assertEquals(initdb.get("database"), recovery.get("database"), "recovery.database");
        assertEquals(initdb.get("owner"), recovery.get("owner"), "recovery.owner (its Secret <cluster>-app is generated anew)");
        String target = String.valueOf(map(recovery, "recoveryTarget").get("targetTime"));
        assertTrue(target.contains(PLACEHOLDER) || target.matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d(\\.\\d+)?(Z|[+-]\\d\\d:\\d\\d)"),
                "targetTime is a placeholder to fill in, or a timestamp with its time zone: " + target);

        // Never archive into the backup being restored: that would corrupt the only copy.
        for (Object entry : spec.get("plugins") == null ? List.of() : list(spec, "plugins")) {
            Map<?, ?> archiver = (Map<?, ?>) entry;
            if (Boolean.TRUE.equals(archiver.get("isWALArchiver"))) {
                assertFalse(backedUp.equals(archiveServerName(spec, name(restore))),
                        "the restored cluster must archive under a server name of its own, not " + backedUp);
            }
        }
        // WAL replay needs the same major version and settings at least as high as the primary's.
        assertEquals(originalSpec.get("imageName"), spec.get("imageName"), "the restore must run the image of the backed-up cluster");
        assertEquals(map(map(originalSpec, "postgresql"), "parameters"), map(map(spec, "postgresql"), "parameters"),
                "the restore must run with the parameters of the backed-up cluster");
        assertEquals(map(originalSpec, "storage").get("size"), map(spec, "storage").get("size"), "storage.size");
    }

    @Test
    void theSwitchOverPointsTheApplicationAndItsNetworkPolicyAtTheRestoredCluster() throws IOException {
        String restored = name(readYaml(read(RESTORE)));
        String original = name(cluster());
        Map<?, ?> component = readYaml(read(USE_RESTORED));
        assertEquals("Component", component.get("kind"), "a kustomize Component, added to an overlay");
        Map<String, Object> patches = new LinkedHashMap<>();
        Set<String> deleted = new TreeSet<>();
        for (Object entry : list(component, "patches")) {
            Map<?, ?> patch = (Map<?, ?>) entry;
            Object tree = readYamlTree(String.valueOf(patch.get("patch")));
            if (tree instanceof Map<?, ?> object && "delete".equals(object.get("$patch"))) {
                deleted.add(object.get("kind") + "/" + name(object));
            } else {
                patches.put(String.valueOf(map(patch, "target").get("kind")), tree);
            }
        }
        assertEquals(Set.of("Deployment", "NetworkPolicy"), patches.keySet());

        // The overlay stops applying the lost cluster and its schedule, so it never recreates an
        // empty fapiao-db backing up among the lost one's files; the restored cluster gets the schedule.
        Map<?, ?> schedule = one("postgresql.cnpg.io/v1", "ScheduledBackup");
        assertEquals(new TreeSet<>(Set.of("Cluster/" + original, "ScheduledBackup/" + name(schedule))), deleted,
                "the switch-over must stop applying " + original + " and its ScheduledBackup");
        List<?> added = list(component, "resources");
        assertEquals(1, added.size(), "the switch-over adds one resource, the ScheduledBackup of " + restored);
        Map<?, ?> restoredSchedule = readYaml(read(USE_RESTORED.replace("kustomization.yaml", String.valueOf(added.get(0)))));
        assertEquals("ScheduledBackup", restoredSchedule.get("kind"));
        assertFalse(name(schedule).equals(name(restoredSchedule)), "spec.cluster is immutable: a ScheduledBackup of its own");
        Map<Object, Object> expected = new LinkedHashMap<>(map(schedule, "spec"));
        expected.put("cluster", Map.of("name", restored));
        assertEquals(expected, map(restoredSchedule, "spec"), "the same schedule as the base's, for " + restored);

        // Every database variable of the Deployment, re-pointed, and nothing else added.
        Map<?, ?> container = (Map<?, ?>) list(map(map(map(deployment(), "spec"), "template"), "spec"), "containers").get(0);
        Map<String, Map<?, ?>> baseEnv = list(container, "env").stream().<Map<?, ?>>map(e -> (Map<?, ?>) e)
                .collect(Collectors.toMap(e -> String.valueOf(e.get("name")), e -> e));
        Map<?, ?> patched = (Map<?, ?>) list(map(map(map((Map<?, ?>) patches.get("Deployment"), "spec"), "template"), "spec"), "containers").get(0);
        assertEquals(container.get("name"), patched.get("name"), "the patch must name the application container");
        Set<String> databaseVariables = baseEnv.keySet().stream().filter(n -> n.startsWith("QUARKUS_DATASOURCE_")).collect(Collectors.toCollection(TreeSet::new));
        Set<String> patchedVariables = new TreeSet<>();
        for (Object entry : list(patched, "env")) {
            Map<?, ?> env = (Map<?, ?>) entry;
            String variable = String.valueOf(env.get("name"));
            patchedVariables.add(variable);
            Map<?, ?> before = baseEnv.get(variable);
            assertNotNull(before, variable + " is not a variable of the Deployment: the patch would add it");
            if (before.get("value") != null) {
                String value = String.valueOf(env.get("value"));
                assertEquals(String.valueOf(before.get("value")).replace("//" + original + "-rw:", "//" + restored + "-rw:"), value,
                        variable + " must point at " + restored + "-rw, nothing else changed");
                assertFalse(value.equals(before.get("value")), variable + " still points at " + original);
            } else {
                Map<?, ?> ref = map(map(env, "valueFrom"), "secretKeyRef");
                Map<?, ?> beforeRef = map(map(before, "valueFrom"), "secretKeyRef");
                assertEquals(original + "-app", beforeRef.get("name"));
                assertEquals(restored + "-app", ref.get("name"), variable + " must come from the Secret the operator generates for " + restored);
                assertEquals(beforeRef.get("key"), ref.get("key"), variable + " key");
            }
        }
        assertEquals(databaseVariables, patchedVariables, "every database variable must be re-pointed");

        // The JSON patch must hit the egress rule that today selects the original cluster's pods.
        List<?> operations = (List<?>) patches.get("NetworkPolicy");
        Map<?, ?> test = operations.stream().map(o -> (Map<?, ?>) o).filter(o -> "test".equals(o.get("op"))).findFirst()
                .orElseThrow(() -> new AssertionError("the NetworkPolicy patch must `test` what it replaces"));
        Map<?, ?> replace = operations.stream().map(o -> (Map<?, ?>) o).filter(o -> "replace".equals(o.get("op"))).findFirst()
                .orElseThrow(() -> new AssertionError("the NetworkPolicy patch replaces nothing"));
        assertEquals(test.get("path"), replace.get("path"));
        assertEquals(original, pointer(networkPolicy(), String.valueOf(replace.get("path"))),
                "the patched path must be the selector of " + original + "'s pods");
        assertEquals(original, test.get("value"));
        assertEquals(restored, replace.get("value"));
    }

    @Test
    void theReadmeDocumentsThePluginTheRestoreAndTheNetwork() {
        for (String needle : List.of("plugin-barman-cloud/releases", "cert-manager", RESTORE, "restore/use-restored-database",
                "recoveryTarget", "event_outbox", "from invoice", "egress", "Test restores regularly")) {
            assertTrue(readme.contains(needle), "k8s/README.md does not mention " + needle);
        }
    }

    // ------------------------------------------------------------------ no secrets

    /** An AWS-style access key id, or a value given to a secret-looking key. */
    private static final Pattern SECRET_LOOKING = Pattern.compile(
            "(?:A3T[A-Z0-9]|AKIA|ASIA|ABIA|ACCA)[A-Z2-7]{16}"
                    + "|(?i:secret[_-]?access[_-]?key|access[_-]?secret[_-]?key|password)\\s*[:=]\\s*[\"']?(?!REPLACE_ME)[A-Za-z0-9/+=]{16,}");

    @Test
    void nothingUnderK8sLooksLikeACredential() throws IOException {
        List<String> found = new ArrayList<>();
        try (Stream<Path> files = Files.walk(K8S)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                String text = Files.readString(file);
                Matcher m = SECRET_LOOKING.matcher(text);
                while (m.find()) {
                    found.add(K8S.relativize(file) + ": " + m.group());
                }
                if (file.toString().endsWith(".yaml") && Pattern.compile("(?m)^kind:\\s*Secret\\s*$").matcher(text).find()) {
                    Map<?, ?> secret = readYaml(text);
                    assertNull(secret.get("data"), file + ": a Secret template holds stringData placeholders only");
                    ((Map<?, ?>) secret.get("stringData")).forEach((key, value) ->
                            assertTrue(String.valueOf(value).startsWith(PLACEHOLDER), file + ": " + key + " is not a placeholder"));
                }
            }
        }
        assertEquals(List.of(), found, "credential-looking text under k8s/");
    }

    @Test
    void theCredentialRuleCatchesAKeyAndLetsPlaceholdersBe() {
        assertTrue(SECRET_LOOKING.matcher("ACCESS_KEY_ID: AKIAIOSFODNN7EXAMPLE").find());
        assertTrue(SECRET_LOOKING.matcher("ACCESS_SECRET_KEY: wJalrXUtnFEMIK7MDENGbPxRfiCYEXAMPLEKEY").find());
        assertFalse(SECRET_LOOKING.matcher("ACCESS_SECRET_KEY: REPLACE_ME").find());
        assertFalse(SECRET_LOOKING.matcher("--from-literal=ACCESS_SECRET_KEY=\"$SECRET_KEY\"").find());
    }

    // ------------------------------------------------------------------ helpers

    private static String read(String file) throws IOException {
        Path path = K8S.resolve(file);
        assertTrue(Files.isRegularFile(path), "k8s/" + file + " is missing");
        return Files.readString(path);
    }

    /** The server name a Cluster archives under: its plugin parameter, else the Cluster's name. */
    private static String archiveServerName(Map<?, ?> clusterSpec, String clusterName) {
        return list(clusterSpec, "plugins").stream().<Map<?, ?>>map(p -> (Map<?, ?>) p)
                .filter(p -> Boolean.TRUE.equals(p.get("isWALArchiver")))
                .map(p -> p.get("parameters") instanceof Map<?, ?> parameters ? parameters.get("serverName") : null)
                .filter(Objects::nonNull).map(String::valueOf).findFirst().orElse(clusterName);
    }

    private static Map<?, ?> cluster() {
        return one("postgresql.cnpg.io/v1", "Cluster");
    }

    private static Map<?, ?> objectStore() {
        return one("barmancloud.cnpg.io/v1", "ObjectStore");
    }

    private static Map<?, ?> deployment() {
        return one("apps/v1", "Deployment");
    }

    private static Map<?, ?> networkPolicy() {
        return one("networking.k8s.io/v1", "NetworkPolicy");
    }

    private static Map<?, ?> one(String apiVersion, String kind) {
        List<Map<?, ?>> found = BASE.values().stream()
                .filter(o -> apiVersion.equals(o.get("apiVersion")) && kind.equals(o.get("kind"))).toList();
        assertEquals(1, found.size(), "expected one " + apiVersion + " " + kind + " in kustomization.yaml resources");
        return found.get(0);
    }

    private static String name(Map<?, ?> object) {
        return String.valueOf(map(object, "metadata").get("name"));
    }

    private static Map<?, ?> map(Map<?, ?> parent, String key) {
        Object value = parent.get(key);
        assertTrue(value instanceof Map<?, ?>, key + " is missing or not a mapping");
        return (Map<?, ?>) value;
    }

    private static List<?> list(Map<?, ?> parent, String key) {
        Object value = parent.get(key);
        assertTrue(value instanceof List<?> l && !l.isEmpty(), key + " is missing or empty");
        return (List<?>) value;
    }

    /** RFC 6901 JSON pointer into the plain YAML tree. */
    private static Object pointer(Object root, String path) {
        Object node = root;
        for (String token : path.substring(1).split("/")) {
            String key = token.replace("~1", "/").replace("~0", "~");
            node = node instanceof List<?> l ? l.get(Integer.parseInt(key)) : node instanceof Map<?, ?> m ? m.get(key) : null;
            assertNotNull(node, "JSON pointer " + path + " leads nowhere at " + key);
        }
        return node;
    }
}
