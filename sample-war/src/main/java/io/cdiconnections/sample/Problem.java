package io.cdiconnections.sample;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * What was wrong with a request, as the JSON body of a 4xx answer:
 * {@code {"error": "The quantity cannot be negative.", "field": "quantity"}}.
 *
 * @param error a sentence for the user, saying what to do
 * @param field the form field at fault, or {@code null} (then absent from the JSON) when no one field is
 */
public record Problem(String error, String field) {

    /**
     * @param status the 4xx status
     * @param error  a sentence for the user
     * @param field  the form field at fault, or {@code null}
     * @return the answer, a JSON problem
     */
    static Response response(Response.StatusType status, String error, String field) {
        return Response.status(status).type(MediaType.APPLICATION_JSON).entity(new Problem(error, field)).build();
    }
}
