package io.cdiconnections.it.payara.app;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/** The JAX-RS application of PayaraSharedCacheIT's WAR. */
@ApplicationPath("/api")
public class GridApplication extends Application {
}
