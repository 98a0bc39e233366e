package io.cdiconnections.json.jaxrs;

import java.io.IOException;
import java.io.OutputStream;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

import jakarta.ws.rs.NotAcceptableException;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.MessageBodyWriter;
import jakarta.ws.rs.ext.Provider;

import io.cdiconnections.json.JsonWritable;

/**
 * Writes a {@code Table} (an array of objects) or a {@code Row} (an object) returned by a JAX-RS
 * resource as {@code application/json} or {@code text/json}, the very text JSON-B writes through
 * {@code TableJsonbSerializer}, straight to the response through one JSON-P generator factory.
 *
 * <p>Why: RESTEasy's JSON-B provider (WildFly's) makes a {@code Jsonb} for each response unless
 * the application registers a {@code ContextResolver<Jsonb>}, and JSON-B then makes the
 * {@code Table}'s serializer anew through CDI. On WildFly 39 a resource answering 20 rows as a
 * {@code Table} served 2.4 times the requests per second with this writer (docs/performance.md).
 *
 * <p>Found by the server's scan for {@code @Provider} when the application's {@code Application}
 * lists no classes of its own (the default); one that lists its classes adds this one to them
 * to use it. A {@code MessageBodyWriter<Table>} of the application's own is closer to the type
 * and wins over this one. Another media type ({@code application/problem+json} included), or an
 * application without JSON-P (Jakarta JSON Processing, in every Jakarta EE server), leaves the
 * {@code Table} to the server's other writers. The factory is made once for the class: meant for
 * the library in the application's {@code WEB-INF/lib}, as the docs install it.
 */
@Provider
@Produces({MediaType.APPLICATION_JSON, "text/json"})
public class JsonWritableWriter implements MessageBodyWriter<JsonWritable> {

    /** Whether JSON-P is there to write with: asked once. */
    private static final boolean JSONP = jsonp();

    /** Made by the JAX-RS runtime. */
    public JsonWritableWriter() {
    }

    private static boolean jsonp() {
        try {
            JsonpWriting.available();
            return true;
        } catch (LinkageError e) { // JSON-P's API or its provider is absent: JsonpWriting cannot load
            return false;
        }
    }

    /**
     * @param type        the class of the value to write
     * @param genericType its declared type
     * @param annotations the resource method's annotations
     * @param mediaType   the response's media type
     * @return whether the value is a {@code Table} or a {@code Row} (any {@link JsonWritable})
     *         answered as {@code application/json} or {@code text/json}, and JSON-P is there
     */
    @Override
    public boolean isWriteable(Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType) {
        return JSONP && JsonWritable.class.isAssignableFrom(type) && isJson(mediaType);
    }

    /**
     * @param mediaType the response's media type, or null
     * @return whether it is {@code application/json} or {@code text/json}, with any parameters
     *         (null counts as JSON: a caller that names none); a wildcard is not, as JAX-RS
     *         answers one as {@code application/octet-stream}
     */
    static boolean isJson(MediaType mediaType) {
        if (mediaType == null) {
            return true;
        }
        return "json".equalsIgnoreCase(mediaType.getSubtype())
                && ("application".equalsIgnoreCase(mediaType.getType()) || "text".equalsIgnoreCase(mediaType.getType()));
    }

    /**
     * Writes the value as JSON, in the media type's {@code charset} (UTF-8 when it names none; UTF-16
     * or UTF-32 when it names one of them),
     * leaving the response stream open as JAX-RS asks.
     *
     * @throws IOException            when the response cannot be written
     * @throws NotAcceptableException before writing anything, when the media type names a charset
     *                                other than Unicode's, or one this JVM does not have (a 406,
     *                                not a server error)
     */
    @Override
    public void writeTo(JsonWritable value, Class<?> type, Type genericType, Annotation[] annotations,
            MediaType mediaType, MultivaluedMap<String, Object> httpHeaders, OutputStream entityStream)
            throws IOException {
        JsonpWriting.write(value, charset(mediaType), entityStream);
    }

    /**
     * @return the media type's charset: UTF-8 when it names none; one of Unicode's encodings (UTF-8,
     *         UTF-16, UTF-32), which write every character of every value
     * @throws NotAcceptableException for another charset, one this JVM lacks, or one it cannot
     *                                encode in: a JSON text would lose characters, or not be written
     */
    private static Charset charset(MediaType mediaType) {
        String name = mediaType == null ? null : mediaType.getParameters().get(MediaType.CHARSET_PARAMETER);
        if (name == null) {
            return StandardCharsets.UTF_8;
        }
        Charset charset;
        try {
            charset = Charset.forName(name);
        } catch (IllegalArgumentException unknown) { // an illegal or unsupported name, from the request's Accept
            throw new NotAcceptableException(JaxrsMessages.unknownCharset());
        }
        if (!charset.name().startsWith("UTF-") || !charset.canEncode()) {
            throw new NotAcceptableException(JaxrsMessages.unknownCharset());
        }
        return charset;
    }
}
