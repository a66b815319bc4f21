package dev.tally.audit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The distribution as a user gets it: {@code tally-<version>.tar.gz} unpacked with {@code tar} into a folder of its own,
 * and {@code bin/tally} run from another folder in a separate process. Runs after {@code package} (failsafe, in
 * {@code mvn verify}); writes the archive's size to {@code target/distribution-size.txt}.
 */
@DisplayName("the tally-<version>.tar.gz distribution")
class DistributionIT {
    private static final Path TARGET = Path.of("target").toAbsolutePath();
    private static final Path REPO = Path.of("../..").toAbsolutePath().normalize();

    @TempDir
    static Path unpacked;
    private static Path home;
    private static Path archive;

    @BeforeAll
    static void unpack() throws IOException, InterruptedException {
        try (Stream<Path> files = Files.list(TARGET)) {
            archive = files.filter(p -> p.getFileName().toString().matches("tally-.+\\.tar\\.gz")).findFirst()
                    .orElseThrow(() -> new AssertionError("no tally-<version>.tar.gz in " + TARGET));
        }
        Result tar = run(unpacked, Map.of(), "tar", "-xzf", archive.toString(), "-C", unpacked.toString());
        assertThat(tar.exit()).as(tar.output()).isZero();
        try (Stream<Path> dirs = Files.list(unpacked)) {
            home = dirs.findFirst().orElseThrow();
        }
        Files.writeString(TARGET.resolve("distribution-size.txt"), archive.getFileName() + " " + Files.size(archive)
                + " bytes; lib/ " + folderSize(home.resolve("lib")) + " bytes" + System.lineSeparator());
    }

    @Test
    @DisplayName("holds bin/tally (executable), lib/, both completion scripts and LICENSE, in one versioned folder")
    void layout() {
        assertThat(home.getFileName().toString()).isEqualTo(archive.getFileName().toString().replace(".tar.gz", ""));
        assertThat(home.resolve("bin/tally")).isExecutable();
        assertThat(home.resolve("completion/tally.bash")).isRegularFile();
        assertThat(home.resolve("completion/tally.zsh")).isRegularFile();
        assertThat(home.resolve("LICENSE")).content().contains("Apache License", "Version 2.0");
        assertThat(home.resolve("lib")).isDirectory();
    }

    @Test
    @DisplayName("is trimmed: no async HTTP client (Netty), no test or benchmark code, no unused SDK module")
    void trimmed() throws IOException {
        List<String> jars;
        try (Stream<Path> files = Files.list(home.resolve("lib"))) {
            jars = files.map(p -> p.getFileName().toString()).toList();
        }
        assertThat(jars).noneMatch(j -> j.startsWith("netty")).noneMatch(j -> j.contains("-tests"))
                .noneMatch(j -> j.startsWith("wiremock")).noneMatch(j -> j.startsWith("junit"))
                .noneMatch(j -> j.startsWith("selenium")).noneMatch(j -> j.startsWith("autoscaling"))
                .contains("tally-audit-app-" + archiveVersion() + ".jar");
        for (String module : List.of("tally-audit-scan", "tally-audit-chargeback")) {
            try (var jar = new java.util.zip.ZipFile(home.resolve("lib/" + module + "-" + archiveVersion() + ".jar")
                    .toFile())) {
                assertThat(jar.stream().map(java.util.zip.ZipEntry::getName))
                        .as(module).noneMatch(n -> n.contains("/bench/")).noneMatch(n -> n.endsWith("Test.class"));
            }
        }
    }

    @Test
    @DisplayName("bin/tally --version, run from another folder, prints the version, commit and price table date")
    void version() throws IOException, InterruptedException {
        Result result = run(Files.createTempDirectory("elsewhere"), Map.of(), home.resolve("bin/tally").toString(),
                "--version");
        assertThat(result.exit()).as(result.output()).isZero();
        assertThat(result.output()).startsWith("tally " + archiveVersion()).contains("commit ")
                .contains("bundled price table of ");
    }

    @Test
    @DisplayName("bin/tally chargeback on the sample CUR, from another folder (the repository's tally.yaml), reconciles")
    void chargeback() throws IOException, InterruptedException {
        Path elsewhere = Files.createTempDirectory("elsewhere");
        Result result = run(elsewhere, Map.of(), home.resolve("bin/tally").toString(), "chargeback", "--month",
                "2025-10", "--cur", REPO.resolve("examples/chargeback/cur").toString(), "--config",
                REPO.resolve("tally.yaml").toString(), "-o", "csv", "--output-file", "reports/");
        assertThat(result.exit()).as(result.output()).isZero();
        assertThat(elsewhere.resolve("reports/chargeback-2025-10.csv")).isRegularFile();
        assertThat(result.output()).contains("wrote ").contains("reconciled: source total");
    }

    @Test
    @DisplayName("bin/tally scan reaches AWS through the trimmed SDK; an endpoint that answers 404 is exit 3, named")
    void scanThroughTheSdk() throws IOException, InterruptedException {
        WireMockServer nothing = new WireMockServer(WireMockConfiguration.wireMockConfig().dynamicPort()
                .bindAddress("127.0.0.1"));
        nothing.start();
        try {
            Result result = run(Files.createTempDirectory("elsewhere"), Map.of(
                    "AWS_ENDPOINT_URL", nothing.baseUrl(), "AWS_ACCESS_KEY_ID", "AKIDEXAMPLE",
                    "AWS_SECRET_ACCESS_KEY", "secret", "AWS_CONFIG_FILE", "/nonexistent/config",
                    "AWS_SHARED_CREDENTIALS_FILE", "/nonexistent/credentials"),
                    home.resolve("bin/tally").toString(), "scan", "--region", "eu-west-1", "--regions", "eu-west-1",
                    "--checks", "public-bucket", "-o", "json");
            assertThat(result.exit()).as(result.output()).isEqualTo(3);
            assertThat(result.output()).contains("tally: nothing was scanned").doesNotContain("internal error");
            assertThat(nothing.getAllServeEvents()).as("the SDK sent real requests").isNotEmpty();
        } finally {
            nothing.stop();
        }
    }

    @Test
    @DisplayName("the shipped bash completion script is the one 'tally completion bash' prints")
    void completionMatches() throws IOException, InterruptedException {
        Result result = run(unpacked, Map.of(), home.resolve("bin/tally").toString(), "completion", "bash");
        assertThat(result.exit()).isZero();
        assertThat(Files.readString(home.resolve("completion/tally.bash"))).isEqualTo(result.output());
    }

    private record Result(int exit, String output) {
    }

    private static Result run(Path workingDir, Map<String, String> env, String... command)
            throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command).directory(workingDir.toFile()).redirectErrorStream(true);
        builder.environment().putAll(env);
        builder.environment().remove("AWS_PROFILE");
        Process process = builder.start();
        String output;
        try (InputStream in = process.getInputStream()) {
            output = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).as("finished in time").isTrue();
        return new Result(process.exitValue(), output);
    }

    private static String archiveVersion() {
        String name = archive.getFileName().toString();
        return name.substring("tally-".length(), name.length() - ".tar.gz".length());
    }

    private static long folderSize(Path folder) throws IOException {
        try (Stream<Path> files = Files.walk(folder)) {
            return files.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
        }
    }
}
