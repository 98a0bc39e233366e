package io.cdiconnections.sample;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/** The sample's REST API lives under {@code /api}. */
@ApplicationPath("api")
public class InventoryApplication extends Application {
}
