package dev.tally.functions.support;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Injects the shared {@link LocalPeers} into test constructors and lifecycle methods, starting them on first use.
 */
public final class LocalPeersExtension implements ParameterResolver {
  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    return parameter.getParameter().getType() == LocalPeers.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    return context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL)
        .getOrComputeIfAbsent(LocalPeers.class, key -> start(), LocalPeers.class);
  }

  private static LocalPeers start() {
    try {
      return new LocalPeers();
    } catch (Exception e) {
      throw new IllegalStateException("could not start DynamoDB Local and ElasticMQ", e);
    }
  }
}
