package io.cdiconnections.it.connections.app;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;

import io.cdiconnections.Connection;

/** Says which SESSION-scoped handle the caller's HTTP session has. */
@Path("session")
@RequestScoped
@Produces("text/plain")
public class SessionResource {

    @Inject
    @Connection(name = "note")
    SessionNote note;

    /** @return the identity of this session's handle */
    @GET
    public String identity() {
        return Identity.of(note);
    }
}
