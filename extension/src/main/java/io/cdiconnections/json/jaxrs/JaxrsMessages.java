package io.cdiconnections.json.jaxrs;

/**
 * The texts the JAX-RS writer answers with. None repeats what the client sent: a media type's
 * parameters come from a request header.
 */
final class JaxrsMessages {

    private JaxrsMessages() {
    }

    /** @return the message of a response whose media type names a charset JSON is not written in */
    static String unknownCharset() {
        return "The charset of the media type asked for is not one this server writes JSON in (UTF-8, UTF-16 or "
                + "UTF-32, so that no character is lost); ask for application/json without a charset (UTF-8) or "
                + "with charset=UTF-8.";
    }
}
