package io.cdiconnections.json.jaxrs;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.Charset;
import java.util.Map;

import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.stream.JsonGenerator;
import jakarta.json.stream.JsonGeneratorFactory;

import io.cdiconnections.json.JsonWritable;
import io.cdiconnections.json.JsonpSink;

/**
 * {@link JsonWritableWriter}'s use of JSON-P, in a class of its own so that the writer loads,
 * and declines, where JSON-P is absent (a Quarkus application with Jackson only).
 */
final class JsonpWriting {

    /**
     * Made once, when the writer's class asks whether JSON-P is there ({@link #available}): finding
     * the provider walks the class path. Where JSON-P's API or a provider is absent, making it
     * fails, and with it the loading of this class, which the writer takes for "no JSON-P".
     */
    private static final JsonGeneratorFactory FACTORY = Json.createGeneratorFactory(Map.of());

    private JsonpWriting() {
    }

    /**
     * Loads this class, making the factory.
     *
     * @throws LinkageError when JSON-P's API or a provider of it is absent
     */
    static void available() {
        // nothing more: calling a static method initializes the class, or throws why it cannot be
    }

    /**
     * @param value   what to write
     * @param charset the charset to write in
     * @param out     where; left open
     * @throws IOException when writing fails
     */
    static void write(JsonWritable value, Charset charset, OutputStream out) throws IOException {
        try (JsonGenerator g = FACTORY.createGenerator(new Unclosed(out), charset)) {
            value.writeJson(new JsonpSink(g));
        } catch (JsonException e) {
            if (e.getCause() instanceof IOException io) { // the client went away: as any writer reports it
                throw io;
            }
            throw e;
        }
    }

    /** The response stream, which the generator's close flushes but must not close. */
    private static final class Unclosed extends FilterOutputStream {
        Unclosed(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
        }

        @Override
        public void close() throws IOException {
            out.flush();
        }
    }
}
