package io.cdiconnections.it.connections.app;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;

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

    /**
     * Ends the caller's HTTP session.
     *
     * @param request the request
     * @return how many SESSION handles' raw instances were closed so far, before this one ends
     */
    @DELETE
    public String end(@Context HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.invalidate();
        }
        return String.valueOf(SessionNote.CLOSED.get());
    }

    /** @return how many SESSION handles' raw instances were closed so far */
    @GET
    @Path("closed")
    public String closed() {
        return String.valueOf(SessionNote.CLOSED.get());
    }
}
