package io.cdiconnections.benchmarks.server;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/** The endpoints under {@code /<context>/}: {@link OursResource} and {@link PeerResource}. */
@ApplicationPath("/")
public class LoadApplication extends Application {
}
