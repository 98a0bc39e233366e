package io.cdiconnections.internal.lite;

import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.build.compatible.spi.Parameters;
import jakarta.enterprise.inject.build.compatible.spi.SyntheticBeanCreator;

import io.cdiconnections.Connections;

/** Creates the injectable {@link Connections}, bound to the application's registry. */
public final class ConnectionsCreator implements SyntheticBeanCreator<Connections> {

    /** Made by the container. */
    public ConnectionsCreator() {
    }

    @Override
    public Connections create(Instance<Object> lookup, Parameters params) {
        return Connections.boundTo(LiteRegistry.get());
    }
}
