package dev.tally.functions.support;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.opentest4j.TestAbortedException;

/**
 * Injects the shared {@link LocalPeers} into test constructors and lifecycle methods, starting them on first use
 * (once per JVM: JUnit's root store also remembers a failed start, so every test reports the same reason).
 *
 * <p>When a peer cannot start because Python 3 or moto is missing, each test that needs it fails with the install
 * command when {@code CI=true}, so CI never passes by skipping them, and is skipped with the same line elsewhere.
 */
public final class LocalPeersExtension implements ParameterResolver {
  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    return parameter.getParameter().getType() == LocalPeers.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    try {
      return context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL)
          .getOrComputeIfAbsent(LocalPeers.class, key -> LocalPeers.start(), LocalPeers.class);
    } catch (LocalPeerUnavailableException e) {
      throw unavailable(e, "true".equalsIgnoreCase(System.getenv("CI")));
    }
  }

  /** What a missing peer becomes: a failure on CI, a skip with the same one-line reason elsewhere. */
  static RuntimeException unavailable(LocalPeerUnavailableException missing, boolean onCi) {
    return onCi
        ? new LocalPeerUnavailableException("CI=true but a local peer is missing: " + missing.getMessage())
        : new TestAbortedException(missing.getMessage());
  }
}
