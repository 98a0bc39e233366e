package io.cdiconnections.sample;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/**
 * Answers the client errors that JAX-RS raises itself (an unknown path under {@code api/}, a wrong
 * method, a body that is not a form) with the same JSON {@link Problem} as the resource's own, so a
 * client reads every error one way. Mapped, the exception is an answer and not a server error: no
 * server logs it. Server errors (5xx) keep the server's own handling, and its log entry.
 */
@Provider
public class RequestErrorMapper implements ExceptionMapper<WebApplicationException> {

    @Override
    public Response toResponse(WebApplicationException exception) {
        Response response = exception.getResponse();
        if (response.getStatus() >= 500) {
            return response;
        }
        String reason = response.getStatusInfo().getReasonPhrase();
        // fromResponse keeps the headers that matter to a client, such as Allow on a 405
        return Response.fromResponse(response)
                .type(MediaType.APPLICATION_JSON)
                .entity(new Problem(reason + ".", null))
                .build();
    }
}
