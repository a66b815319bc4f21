package dev.tally.audit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * Every command and code example in README.md, docs/cli.md, docs/scan.md and docs/development.md, executed or checked
 * (see docs/development.md, "The documentation is tested"): {@code tally} commands run in a shell with the freshly
 * built distribution on the PATH ({@code bash} blocks against a moto server on loopback, {@code console} blocks
 * without AWS and with their shown output checked), {@code mvn} and {@code npx} commands checked against the
 * repository, the {@code yaml}, {@code xml} and {@code java} examples checked against the files they show.
 */
@DisplayName("the documentation's examples")
class DocExamplesIT {
    private static final Path REPO = Path.of("../..").toAbsolutePath().normalize();
    private static final List<String> DOCS = List.of("README.md", "docs/cli.md", "docs/scan.md", "docs/development.md");
    private static final Pattern FENCE = Pattern.compile("^```(\\w*)\\s*$");
    private static final Pattern RC = Pattern.compile("^__RC__ (\\d+) (\\d+)$");

    @TempDir
    static Path scratch;
    private static Path view;
    private static Path home;
    private static Path bin;
    private static Process moto;
    private static int motoPort;

    /** One fenced block: the file, its language, its first line number and its lines. */
    record Block(String file, String language, int line, List<String> lines) {
        String where() {
            return file + ":" + line;
        }
    }

    @BeforeAll
    static void prepare() throws IOException, InterruptedException {
        // A scratch view of the checkout: links to its top-level entries, so commands find examples/, docs/,
        // policies/ and tally.yaml, while whatever they write lands in the scratch folder.
        view = Files.createDirectories(scratch.resolve("repo"));
        try (Stream<Path> entries = Files.list(REPO)) {
            for (Path entry : entries.toList()) {
                String name = entry.getFileName().toString();
                if (!name.equals(".git") && !name.equals("target")) {
                    Files.createSymbolicLink(view.resolve(name), entry);
                }
            }
        }
        home = Files.createDirectories(scratch.resolve("home"));
        Files.createDirectories(home.resolve(".aws"));
        // A user with the AWS CLI configured: a default region, and the profile the docs name.
        Files.writeString(home.resolve(".aws/config"), "[default]\nregion = eu-west-1\n[profile audit]\nregion = eu-west-1\n");
        Files.writeString(home.resolve(".aws/credentials"), "[audit]\naws_access_key_id = test\n"
                + "aws_secret_access_key = test\n");
        bin = Files.createDirectories(scratch.resolve("bin"));
        Files.createSymbolicLink(bin.resolve("tally"), distribution().resolve("bin/tally"));
        motoPort = freePort();
        moto = new ProcessBuilder("python3", "-m", "moto.server", "-p", String.valueOf(motoPort))
                .redirectErrorStream(true).redirectOutput(scratch.resolve("moto.log").toFile()).start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!listening(motoPort)) {
            assertThat(System.nanoTime()).as("moto started on port " + motoPort).isLessThan(deadline);
            assertThat(moto.isAlive()).as("moto is running (see moto.log)").isTrue();
            Thread.sleep(200);
        }
    }

    @AfterAll
    static void stop() throws InterruptedException {
        if (moto != null) {
            moto.destroy();
            moto.waitFor(10, TimeUnit.SECONDS);
        }
    }

    @TestFactory
    @DisplayName("bash blocks: every tally command runs (against moto) to exit 0, 1 or 3; mvn and npx commands check out")
    Stream<DynamicTest> bashBlocks() throws IOException {
        return blocks("bash").stream().map(block -> DynamicTest.dynamicTest(block.where(), () -> runBash(block)));
    }

    @TestFactory
    @DisplayName("console blocks: each $ command runs without AWS and prints the lines shown")
    Stream<DynamicTest> consoleBlocks() throws IOException {
        List<DynamicTest> tests = new ArrayList<>();
        for (Block block : blocks("console")) {
            List<String> lines = block.lines();
            for (int i = 0; i < lines.size(); i++) {
                if (!lines.get(i).startsWith("$ ")) {
                    continue;
                }
                String command = lines.get(i).substring(2);
                List<String> expected = new ArrayList<>();
                for (int j = i + 1; j < lines.size() && !lines.get(j).startsWith("$ "); j++) {
                    expected.add(lines.get(j));
                }
                tests.add(DynamicTest.dynamicTest(block.where() + " " + command, () -> {
                    Result result = shell(List.of(command), false);
                    assertOutputContains(result.output(), expected, block.where());
                }));
            }
        }
        assertThat(tests).as("console examples found").isNotEmpty();
        return tests.stream();
    }

    @Test
    @DisplayName("the tally.yaml shown in docs/cli.md names the same files as the repository's")
    void projectFileExample() throws IOException {
        ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
        List<Block> shown = blocks("yaml").stream().filter(b -> b.file().equals("docs/cli.md")).toList();
        assertThat(shown).hasSize(1);
        JsonNode example = yaml.readTree(String.join("\n", shown.get(0).lines()));
        assertThat(example).isEqualTo(yaml.readTree(REPO.resolve("tally.yaml").toFile()));
    }

    @Test
    @DisplayName("the consumer pom.xml in docs/development.md carries the build's coordinates and versions")
    void consumerPom() throws Exception {
        List<Block> shown = blocks("xml").stream().filter(b -> b.file().equals("docs/development.md")).toList();
        assertThat(shown).hasSize(1);
        Document example = xml(String.join("\n", shown.get(0).lines()));
        Document parent = xml(Files.readString(REPO.resolve("pom.xml")));
        Document constructs = xml(Files.readString(REPO.resolve("constructs/pom.xml")));
        String version = text(parent.getDocumentElement(), "version");
        Map<String, String> dependencies = new HashMap<>();
        NodeList nodes = example.getElementsByTagName("dependency");
        for (int i = 0; i < nodes.getLength(); i++) {
            Element dependency = (Element) nodes.item(i);
            dependencies.put(text(dependency, "groupId") + ":" + text(dependency, "artifactId"),
                    text(dependency, "version"));
        }
        assertThat(dependencies).containsEntry("dev.tally:" + text(constructs.getDocumentElement(), "artifactId"),
                version);
        assertThat(dependencies).containsEntry("software.amazon.awscdk:aws-cdk-lib", property(parent, "aws-cdk-lib.version"));
        assertThat(dependencies).containsEntry("software.constructs:constructs", property(parent, "constructs.version"));
        assertThat(Files.readString(REPO.resolve("docs/development.md")))
                .contains("`dev.tally:tally-constructs:" + version + "`");
    }

    @Test
    @DisplayName("the README's java block is, line for line, an excerpt of the example ReadmeExampleTest synthesizes")
    void javaExcerpt() throws IOException {
        List<Block> shown = blocks("java").stream().filter(b -> b.file().equals("README.md")).toList();
        assertThat(shown).hasSize(1);
        String source = Files.readString(REPO.resolve(
                "constructs/src/test/java/dev/tally/constructs/renewal/ReadmeExampleTest.java"));
        List<String> tested = source.substring(source.indexOf("// --- begin README example"),
                source.indexOf("// --- end README example")).lines().map(String::strip).toList();
        int at = 0;
        for (String line : shown.get(0).lines()) {
            String wanted = line.strip();
            while (at < tested.size() && !tested.get(at).equals(wanted)) {
                at++;
            }
            assertThat(at).as("README line '%s' is in ReadmeExampleTest's example, in order", wanted)
                    .isLessThan(tested.size());
            at++;
        }
    }

    // ---- bash blocks

    private void runBash(Block block) throws IOException, InterruptedException {
        List<String> shellCommands = new ArrayList<>();
        for (String command : commands(block.lines())) {
            if (command.startsWith("mvn ")) {
                checkMaven(command, block.where());
            } else if (command.startsWith("npx ")) {
                assertThat(command).as(block.where()).contains("aws-cdk").contains("synth");
                assertThat(Files.readString(REPO.resolve("cdk.json"))).contains("\"app\"").contains("TallyApp");
            } else {
                shellCommands.add(command);
            }
        }
        if (shellCommands.isEmpty()) {
            return;
        }
        Result result = shell(shellCommands, true);
        List<String> output = new ArrayList<>();
        for (String line : result.output().lines().toList()) {
            Matcher rc = RC.matcher(line);
            if (!rc.matches()) {
                output.add(line);
                continue;
            }
            String command = shellCommands.get(Integer.parseInt(rc.group(1)));
            String said = String.join("\n", output);
            assertThat(Integer.parseInt(rc.group(2))).as("%s: '%s' exit code; output:%n%s", block.where(), command,
                    said).isIn(0, 1, 3);
            assertThat(said).as("%s: '%s'", block.where(), command).doesNotContain("tally: internal error")
                    .doesNotContain("tally: Unknown option").doesNotContain("command not found");
            output.clear();
        }
        assertThat(result.exit()).as(result.output()).isZero();
    }

    /** The commands of a block: comment-only and blank lines dropped, backslash continuations joined. */
    static List<String> commands(List<String> lines) {
        List<String> commands = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String raw : lines) {
            String line = raw.strip();
            if (current.isEmpty() && (line.isEmpty() || line.startsWith("#"))) {
                continue;
            }
            if (line.endsWith("\\")) {
                current.append(line, 0, line.length() - 1).append(' ');
                continue;
            }
            current.append(line);
            String command = current.toString().strip();
            commands.add(command.startsWith("./tally") ? command.substring(2) : command);
            current.setLength(0);
        }
        return commands;
    }

    private static void checkMaven(String command, String where) throws IOException {
        Matcher modules = Pattern.compile("-pl\\s+(\\S+)").matcher(command);
        while (modules.find()) {
            for (String module : modules.group(1).split(",")) {
                assertThat(REPO.resolve(module).resolve("pom.xml")).as(where + ": module " + module).isRegularFile();
            }
        }
        Matcher tests = Pattern.compile("-Dtest=('([^']*)'|(\\S+))").matcher(command);
        while (tests.find()) {
            String patterns = tests.group(2) != null ? tests.group(2) : tests.group(3);
            for (String pattern : patterns.split(",")) {
                String name = pattern.replace("!", "").replaceAll("#.*", "").replace("*", "");
                assertThat(sourceFiles("src/test/java", name)).as(where + ": -Dtest " + pattern).isNotEmpty();
            }
        }
        Matcher main = Pattern.compile("-Dexec\\.mainClass=(\\S+)").matcher(command);
        while (main.find()) {
            String file = main.group(1).replace('.', '/') + ".java";
            assertThat(sourceFiles("src", file.substring(file.lastIndexOf('/') + 1).replace(".java", "")))
                    .as(where + ": -Dexec.mainClass " + main.group(1))
                    .anyMatch(p -> p.toString().endsWith(file));
        }
    }

    private static List<Path> sourceFiles(String under, String namePrefix) throws IOException {
        try (Stream<Path> files = Files.walk(REPO)) {
            return files.filter(p -> !p.toString().contains("/target/") && !p.toString().contains("/node_modules/"))
                    .filter(p -> p.toString().contains("/" + under + "/"))
                    .filter(p -> p.getFileName().toString().startsWith(namePrefix)
                            && p.getFileName().toString().endsWith(".java"))
                    .toList();
        }
    }

    // ---- running

    private record Result(int exit, String output) {
    }

    /**
     * Runs the commands in one bash, from the scratch view of the checkout, printing {@code __RC__ <index> <code>}
     * after each. With {@code aws}, AWS calls go to moto; without, there are no credentials at all.
     */
    private static Result shell(List<String> commands, boolean aws) throws IOException, InterruptedException {
        StringBuilder script = new StringBuilder();
        for (int i = 0; i < commands.size(); i++) {
            script.append(commands.get(i)).append('\n');
            if (aws) {
                script.append("echo \"__RC__ ").append(i).append(" $?\"\n");
            }
        }
        ProcessBuilder builder = new ProcessBuilder("bash", "-c", script.toString()).directory(view.toFile())
                .redirectErrorStream(true);
        Map<String, String> env = builder.environment();
        env.keySet().removeIf(key -> key.startsWith("AWS_") || key.startsWith("TALLY_"));
        env.put("HOME", (aws ? home : Files.createDirectories(scratch.resolve("empty-home"))).toString());
        env.put("PATH", bin + ":" + env.get("PATH"));
        // Never ask an instance metadata endpoint for credentials or a region: there is none here.
        env.put("AWS_EC2_METADATA_DISABLED", "true");
        if (aws) {
            env.put("AWS_ENDPOINT_URL", "http://127.0.0.1:" + motoPort);
            env.put("AWS_ACCESS_KEY_ID", "test");
            env.put("AWS_SECRET_ACCESS_KEY", "test");
        }
        Process process = builder.start();
        String output;
        try (InputStream in = process.getInputStream()) {
            output = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        assertThat(process.waitFor(300, TimeUnit.SECONDS)).as("finished in time").isTrue();
        return new Result(process.exitValue(), output);
    }

    private static void assertOutputContains(String output, List<String> expected, String where) {
        List<String> lines = output.lines().toList();
        int at = 0;
        for (String want : expected) {
            Pattern pattern = Pattern.compile(Stream.of(want.split("…", -1)).map(Pattern::quote)
                    .reduce((a, b) -> a + ".*" + b).orElse(""));
            while (at < lines.size() && !pattern.matcher(lines.get(at)).matches()) {
                at++;
            }
            assertThat(at).as("%s: expected line '%s' in output:%n%s", where, want, output).isLessThan(lines.size());
            at++;
        }
    }

    // ---- reading the docs

    static List<Block> blocks(String language) throws IOException {
        List<Block> blocks = new ArrayList<>();
        for (String doc : DOCS) {
            List<String> lines = Files.readAllLines(REPO.resolve(doc));
            for (int i = 0; i < lines.size(); i++) {
                Matcher open = FENCE.matcher(lines.get(i));
                if (!open.matches()) {
                    continue;
                }
                int start = i;
                List<String> body = new ArrayList<>();
                for (i++; i < lines.size() && !lines.get(i).startsWith("```"); i++) {
                    body.add(lines.get(i));
                }
                if (open.group(1).equals(language)) {
                    blocks.add(new Block(doc, language, start + 1, body));
                }
            }
        }
        return blocks;
    }

    private static Path distribution() throws IOException {
        try (Stream<Path> dirs = Files.list(Path.of("target").toAbsolutePath())) {
            Path outer = dirs.filter(p -> Files.isDirectory(p) && p.getFileName().toString().startsWith("tally-"))
                    .findFirst().orElseThrow(() -> new AssertionError("run after 'package': no target/tally-*/"));
            return outer.resolve(outer.getFileName());
        }
    }

    private static Document xml(String text) throws Exception {
        return DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new java.io.ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
    }

    /** The text of {@code parent}'s direct child {@code name}. */
    private static String text(Element parent, String name) {
        NodeList children = parent.getChildNodes();
        for (int i = 0; i < children.getLength(); i++) {
            if (children.item(i) instanceof Element child && child.getTagName().equals(name)) {
                return child.getTextContent().strip();
            }
        }
        throw new AssertionError("no <" + name + "> in <" + parent.getTagName() + ">");
    }

    private static String property(Document pom, String name) {
        return pom.getElementsByTagName(name).item(0).getTextContent().strip();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static boolean listening(int port) {
        try (Socket socket = new Socket(java.net.InetAddress.getLoopbackAddress(), port)) {
            return true;
        } catch (IOException notYet) {
            return false;
        }
    }
}
