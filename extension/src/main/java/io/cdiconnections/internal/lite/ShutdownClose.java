package io.cdiconnections.internal.lite;

import jakarta.enterprise.event.Shutdown;
import jakarta.enterprise.inject.build.compatible.spi.Parameters;
import jakarta.enterprise.inject.build.compatible.spi.SyntheticObserver;
import jakarta.enterprise.inject.spi.EventContext;

/** Closes every connection of the application when it stops. */
public final class ShutdownClose implements SyntheticObserver<Shutdown> {

    /** Made by the container. */
    public ShutdownClose() {
    }

    @Override
    public void observe(EventContext<Shutdown> event, Parameters params) {
        LiteRegistry.stop();
    }
}
