package dev.tally.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * renewals-app/ builds the way an app in another repository does: its own pom (no parent, no reactor), resolving
 * {@code dev.tally:tally-constructs} from a Maven repository into which this build installed the construct library
 * (jar, sources, javadoc, and the parent pom) as {@code mvn install} would. The repository is private to this module
 * ({@code target/consumer-repository}), never the shared {@code ~/.m2}, which only serves as a read-only
 * {@code file://} mirror (named {@code central}) for third-party artifacts; the build runs offline.
 */
@DisplayName("renewals-app: a standalone consumer of the installed construct library")
class ConsumerAppIT {
    private static final Path APP = Path.of("renewals-app").toAbsolutePath();
    private static final Path REPOSITORY = Path.of(System.getProperty("consumer.repository")).toAbsolutePath();
    private static final String VERSION = System.getProperty("tally.version");

    @Test
    @DisplayName("the construct library is installed with its sources and javadoc jars and its parent pom")
    void installedLikeAnyLibrary() {
        Path constructs = REPOSITORY.resolve("dev/tally/tally-constructs/" + VERSION);
        assertThat(constructs.resolve("tally-constructs-" + VERSION + ".jar")).isRegularFile();
        assertThat(constructs.resolve("tally-constructs-" + VERSION + "-sources.jar")).isRegularFile();
        assertThat(constructs.resolve("tally-constructs-" + VERSION + "-javadoc.jar")).isRegularFile();
        assertThat(constructs.resolve("tally-constructs-" + VERSION + ".pom")).isRegularFile();
        assertThat(REPOSITORY.resolve("dev/tally/tally-parent/" + VERSION + "/tally-parent-" + VERSION + ".pom"))
                .isRegularFile();
    }

    @Test
    @DisplayName("its pom names only published coordinates: no parent, no module of this repository but the library")
    void standalonePom() throws IOException {
        String pom = Files.readString(APP.resolve("pom.xml"));
        assertThat(pom).doesNotContain("<parent>").doesNotContain("<modules>").doesNotContain("relativePath");
        assertThat(pom).contains("<artifactId>tally-constructs</artifactId>")
                .contains("<version>" + VERSION + "</version>");
    }

    @Test
    @DisplayName("mvn verify on a copy of it, offline against the installed artifact, compiles and passes its tests")
    void buildsAgainstTheInstalledArtifact() throws IOException, InterruptedException {
        Path work = Files.createDirectories(Path.of("target/consumer").toAbsolutePath());
        Path copy = work.resolve("renewals-app");
        copy(APP, copy);
        Path settings = Files.writeString(work.resolve("settings.xml"), """
                <settings>
                  <localRepository>%s</localRepository>
                  <mirrors>
                    <mirror>
                      <id>central</id>
                      <mirrorOf>*</mirrorOf>
                      <url>%s</url>
                    </mirror>
                  </mirrors>
                </settings>
                """.formatted(REPOSITORY, Path.of(System.getProperty("consumer.mirror")).toUri()));
        seedRangeMetadata(Path.of(System.getProperty("consumer.mirror")));
        Path log = work.resolve("build.log");
        Process build = new ProcessBuilder(mvn(), "-B", "-o", "-nsu", "-Daether.offline.protocols=file",
                "-s", settings.toString(), "-f", copy.resolve("pom.xml").toString(), "verify")
                .directory(copy.toFile()).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        assertThat(build.waitFor(8, TimeUnit.MINUTES)).as("consumer build finished; see " + log).isTrue();
        String output = Files.readString(log, StandardCharsets.UTF_8);
        assertThat(build.exitValue()).as(output).isZero();
        assertThat(output).contains("BUILD SUCCESS").containsPattern("Tests run: [1-9]\\d*, Failures: 0, Errors: 0");
        // The app's classes really linked against the library: the example class was compiled and tested.
        assertThat(copy.resolve("target/classes/dev/tally/examples/renewal/BurstyRenewalsExample.class"))
                .isRegularFile();
        assertThat(copy.resolve("target/surefire-reports")).isDirectory();
    }

    /**
     * aws-cdk-lib, cdk-nag and jsii declare version ranges ({@code [2.2.282]}, {@code [2.11.3,2.14-a0)}), which
     * resolve from a repository's {@code maven-metadata.xml}. A {@code file://} view of a local repository serves
     * none (it keeps Central's copies as {@code maven-metadata-central.xml}, and only for some artifacts), so the
     * private repository starts with the metadata such a mirror would serve: for each artifact, the versions it holds.
     */
    private static void seedRangeMetadata(Path mirror) throws IOException {
        try (Stream<Path> dirs = Files.walk(mirror)) {
            for (Path artifact : dirs.filter(Files::isDirectory).toList()) {
                List<String> versions = versions(artifact);
                if (versions.isEmpty() || artifact.getNameCount() - mirror.getNameCount() < 2) {
                    continue;
                }
                Path relative = mirror.relativize(artifact);
                String groupId = relative.getParent().toString().replace('/', '.');
                StringBuilder xml = new StringBuilder("<metadata><groupId>").append(groupId)
                        .append("</groupId><artifactId>").append(artifact.getFileName())
                        .append("</artifactId><versioning><versions>");
                versions.forEach(v -> xml.append("<version>").append(v).append("</version>"));
                xml.append("</versions></versioning></metadata>\n");
                Path target = Files.createDirectories(REPOSITORY.resolve(relative));
                Files.writeString(target.resolve("maven-metadata-central.xml"), xml);
            }
        }
    }

    /** The released versions held in an artifact folder: subfolders holding that version's pom. */
    private static List<String> versions(Path artifact) throws IOException {
        String name = artifact.getFileName().toString();
        try (Stream<Path> children = Files.list(artifact)) {
            return children.filter(Files::isDirectory).map(p -> p.getFileName().toString())
                    .filter(v -> !v.endsWith("-SNAPSHOT"))
                    .filter(v -> Files.isRegularFile(artifact.resolve(v).resolve(name + "-" + v + ".pom")))
                    .sorted().toList();
        }
    }

    private static String mvn() {
        String home = System.getProperty("maven.home");
        return home == null || home.isBlank() ? "mvn" : Path.of(home, "bin", "mvn").toString();
    }

    /** Copies the app's sources (not any target/ left by a developer's build). */
    private static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                Path relative = from.relativize(file);
                if (relative.startsWith("target")) {
                    continue;
                }
                Path target = to.resolve(relative);
                Files.createDirectories(target.getParent());
                Files.copy(file, target, StandardCopyOption.REPLACE_EXISTING);
            }
        }
    }

}
