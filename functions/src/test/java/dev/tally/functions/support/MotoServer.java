package dev.tally.functions.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.HttpURLConnection;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeUnit;

/**
 * One moto server (Apache-2.0) as a child process on a free loopback port: the open peer that speaks the genuine
 * DynamoDB, DynamoDB Streams, SNS, SQS and S3 wire protocols to the real SDK clients. It is moto's own server
 * application, run by {@value #LAUNCHER} so that it answers one request at a time: moto's threaded
 * {@code python3 -m moto.server} lets two concurrent conditional writes to one item both pass their condition,
 * which DynamoDB never does.
 *
 * <p>{@link #start} returns once the server answers HTTP, so the first request of a test never races its start-up.
 * Its output goes to {@code moto-<port>.log} in the given directory (under {@code target/}), which is where to look
 * when a request fails inside moto. {@link #close()} stops it; a JVM shutdown hook stops it too if a run is killed.
 * When the interpreter or the moto package is missing, {@link #start} throws {@link LocalPeerUnavailableException}
 * with the install command in its one-line message.
 */
public final class MotoServer implements AutoCloseable {
  /** What to run on a machine that lacks moto: the server extra brings Flask and werkzeug. */
  public static final String INSTALL_HINT = "pip install 'moto[server]'";
  /** The interpreter, overridable with {@code -Dtally.python=/path/to/python3} (a virtualenv's, for example). */
  public static final String PYTHON_PROPERTY = "tally.python";
  /** The same setting as an environment variable, which {@code .ci/check-local-peers} reads too. */
  public static final String PYTHON_VARIABLE = "TALLY_PYTHON";
  private static final Duration START_TIMEOUT = Duration.ofSeconds(90);
  private static final int PORT_ATTEMPTS = 3;
  /** The launcher, a test resource next to this class: moto's own server app behind one lock (see the script). */
  static final String LAUNCHER = "serial_moto_server.py";

  private final Process process;
  private final URI endpoint;
  private final Path log;
  private final Thread shutdownHook;

  private MotoServer(Process process, URI endpoint, Path log) {
    this.process = process;
    this.endpoint = endpoint;
    this.log = log;
    this.shutdownHook = new Thread(process::destroyForcibly, "moto-shutdown");
    Runtime.getRuntime().addShutdownHook(shutdownHook);
  }

  /**
   * Starts moto with the interpreter named by {@value #PYTHON_PROPERTY}, else {@value #PYTHON_VARIABLE}, else
   * {@code python3}.
   */
  public static MotoServer start(Path logDirectory) {
    String variable = System.getenv(PYTHON_VARIABLE);
    String fallback = variable == null || variable.isBlank() ? "python3" : variable;
    return start(List.of(System.getProperty(PYTHON_PROPERTY, fallback)), logDirectory);
  }

  /**
   * Starts {@value #LAUNCHER} (moto's server, one request at a time) on a free loopback port and waits until it
   * answers.
   *
   * @param python the interpreter and its options ({@code python3 -S} hides site-packages: a machine without moto)
   * @param logDirectory where the launcher is copied and the server's log is written
   * @throws LocalPeerUnavailableException when the interpreter or moto is missing, or the server never answers
   */
  static MotoServer start(List<String> python, Path logDirectory) {
    Path launcher = logDirectory.resolve(LAUNCHER);
    try (InputStream script = MotoServer.class.getResourceAsStream(LAUNCHER)) {
      Files.createDirectories(logDirectory);
      Files.copy(Objects.requireNonNull(script, LAUNCHER + " is not on the test classpath"), launcher,
          StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + launcher + " for moto", e);
    }
    String interpreter = String.join(" ", python);
    for (int attempt = 1; ; attempt++) {
      int port = freePort();
      Path log = logDirectory.resolve("moto-" + port + ".log");
      Process process = launch(python, launcher, port, log);
      Outcome outcome = awaitAnswer(process, port);
      if (outcome == Outcome.ANSWERING) {
        return new MotoServer(process, URI.create("http://127.0.0.1:" + port), log);
      }
      stop(process);
      String output = read(log);
      if (outcome == Outcome.EXITED && output.contains("Address already in use") && attempt < PORT_ATTEMPTS) {
        continue; // another process took the free port between our probe and moto's bind
      }
      if (output.contains("No module named")) {
        throw new LocalPeerUnavailableException(firstLine(output, "No module named") + " for " + interpreter
            + ": the tests need moto's server, install it with " + INSTALL_HINT);
      }
      throw new LocalPeerUnavailableException("moto (" + interpreter + " " + launcher + ") "
          + (outcome == Outcome.EXITED ? "exited with " + process.exitValue() : "did not answer within "
              + START_TIMEOUT.toSeconds() + " s") + ", see " + log + "; if moto is missing: " + INSTALL_HINT);
    }
  }

  /** Base URL of the server, for {@code endpointOverride} and {@code aws.endpointUrl}. */
  public URI endpoint() {
    return endpoint;
  }

  /** {@code moto <version>}, as the launcher reported it on its first log line. */
  public String version() {
    return read(log).lines().filter(line -> line.startsWith("moto ")).findFirst().orElse("moto (version unknown)");
  }

  /** The server's log file. */
  public Path log() {
    return log;
  }

  /** Stops the server (SIGTERM, then SIGKILL after five seconds). */
  @Override
  public void close() {
    stop(process);
    try {
      Runtime.getRuntime().removeShutdownHook(shutdownHook);
    } catch (IllegalStateException e) {
      // already shutting down: the hook runs anyway and finds the process gone
    }
  }

  private static Process launch(List<String> python, Path launcher, int port, Path log) {
    List<String> command = new ArrayList<>(python);
    command.addAll(List.of("-u", launcher.toString(), "-H", "127.0.0.1", "-p", Integer.toString(port)));
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
    try {
      return builder.start();
    } catch (IOException e) {
      throw new LocalPeerUnavailableException(python.get(0) + " was not found (" + e.getMessage().lines().findFirst()
          .orElse("") + "): the tests need Python 3 and moto's server, install them with " + INSTALL_HINT
          + " (or point -D" + PYTHON_PROPERTY + " at an interpreter that has it)");
    }
  }

  private enum Outcome { ANSWERING, EXITED, TIMED_OUT }

  private static Outcome awaitAnswer(Process process, int port) {
    Instant deadline = Instant.now().plus(START_TIMEOUT);
    URI probe = URI.create("http://127.0.0.1:" + port + "/moto-api/");
    while (Instant.now().isBefore(deadline)) {
      if (!process.isAlive()) {
        return Outcome.EXITED;
      }
      if (answers(probe)) {
        return Outcome.ANSWERING;
      }
      try {
        Thread.sleep(100);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return Outcome.TIMED_OUT;
      }
    }
    return Outcome.TIMED_OUT;
  }

  private static boolean answers(URI probe) {
    try {
      HttpURLConnection connection = (HttpURLConnection) probe.toURL().openConnection();
      connection.setConnectTimeout(500);
      connection.setReadTimeout(5000);
      try {
        return connection.getResponseCode() > 0;
      } finally {
        connection.disconnect();
      }
    } catch (IOException notYet) {
      return false;
    }
  }

  private static void stop(Process process) {
    process.destroy();
    try {
      if (!process.waitFor(5, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.destroyForcibly();
    }
  }

  private static String read(Path log) {
    try {
      return Files.readString(log, StandardCharsets.UTF_8);
    } catch (IOException e) {
      return "";
    }
  }

  private static String firstLine(String output, String containing) {
    return output.lines().filter(line -> line.contains(containing)).findFirst().orElse(containing).strip();
  }

  static int freePort() {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException("no free loopback port", e);
    }
  }
}
