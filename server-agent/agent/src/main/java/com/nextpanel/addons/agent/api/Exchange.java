package com.nextpanel.addons.agent.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.nextpanel.addons.agent.AgentException;
import com.nextpanel.addons.agent.ErrorCode;
import com.nextpanel.addons.agent.server.Caller;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.Fields;

/** One request to an {@link Endpoint} and the means to answer it, JSON in and out. */
public final class Exchange {

    /** The largest request body the API reads. */
    public static final int MAX_BODY_BYTES = 1 << 20;
    static final String JSON_TYPE = "application/json;charset=utf-8";

    private final Request request;
    private final Response response;
    private final Callback callback;
    private final Map<String, String> pathParams;
    private boolean answered;

    Exchange(Request request, Response response, Callback callback, Map<String, String> pathParams) {
        this.request = request;
        this.response = response;
        this.callback = callback;
        this.pathParams = Map.copyOf(pathParams);
    }

    /**
     * @return the decoded value of a {@code {name}} segment of the route's template
     * @throws IllegalArgumentException when the template has no such segment (a programming error)
     */
    public String pathParam(String name) {
        String value = pathParams.get(name);
        if (value == null) {
            throw new IllegalArgumentException("route has no path parameter '" + name + "'");
        }
        return value;
    }

    /**
     * @return a path parameter as a number
     * @throws AgentException {@link ErrorCode#BAD_REQUEST} naming the parameter when it is not one
     */
    public long pathParamAsLong(String name) {
        String value = pathParam(name);
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new AgentException(ErrorCode.BAD_REQUEST, "'" + name + "' must be a number: " + value);
        }
    }

    /** @return a query parameter's first value */
    public Optional<String> query(String name) {
        Fields fields = Request.extractQueryParameters(request);
        return Optional.ofNullable(fields.getValue(name));
    }

    /**
     * Reads the body as JSON into {@code type}.
     *
     * @throws AgentException {@link ErrorCode#BAD_REQUEST} for an empty, malformed or unexpected body (the
     *                        message names the field), {@link ErrorCode#PAYLOAD_TOO_LARGE} above
     *                        {@value #MAX_BODY_BYTES} bytes; any {@code AgentException} the type's
     *                        constructor throws passes through
     */
    public <T> T body(Class<T> type) {
        byte[] bytes = bodyBytes();
        if (bytes.length == 0) {
            throw new AgentException(ErrorCode.BAD_REQUEST, "a JSON body is required");
        }
        try {
            T value = ApiJson.MAPPER.readValue(bytes, type);
            if (value == null) {
                throw new AgentException(ErrorCode.BAD_REQUEST, "the JSON body must be an object, not null");
            }
            return value;
        } catch (ValueInstantiationException e) {
            if (e.getCause() instanceof AgentException agent) {
                throw agent;
            }
            throw new AgentException(ErrorCode.BAD_REQUEST, "malformed body: " + e.getOriginalMessage(), e);
        } catch (UnrecognizedPropertyException e) {
            throw new AgentException(ErrorCode.BAD_REQUEST, "unknown field '" + e.getPropertyName()
                    + "' in the body; known: " + e.getKnownPropertyIds(), e);
        } catch (JsonMappingException e) {
            String field = e.getPath().stream().map(r -> r.getFieldName() != null ? r.getFieldName()
                    : "[" + r.getIndex() + "]").collect(Collectors.joining("."));
            throw new AgentException(ErrorCode.BAD_REQUEST, "malformed body" + (field.isEmpty() ? "" : " at '"
                    + field + "'") + ": " + e.getOriginalMessage(), e);
        } catch (JsonProcessingException e) {
            throw new AgentException(ErrorCode.BAD_REQUEST, "the body is not valid JSON: " + e.getOriginalMessage()
                    + location(e), e);
        } catch (IOException e) {
            throw new AgentException(ErrorCode.BAD_REQUEST, "cannot read the body: " + e.getMessage(), e);
        }
    }

    /** Answers {@code status} with {@code value} as JSON. */
    public void json(int status, Object value) throws JsonProcessingException {
        byte[] bytes = ApiJson.MAPPER.writeValueAsBytes(value);
        answered = true;
        response.setStatus(status);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, JSON_TYPE);
        response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
        response.write(true, ByteBuffer.wrap(bytes), callback);
    }

    /** Answers 200 with {@code value} as JSON. */
    public void ok(Object value) throws JsonProcessingException {
        json(200, value);
    }

    /** Answers {@code status} with no body (e.g. 204). */
    public void empty(int status) {
        answered = true;
        response.setStatus(status);
        response.write(true, null, callback);
    }

    /** @return who called; empty only on the public health routes */
    public Optional<Caller> caller() {
        return Caller.of(request);
    }

    /** @return the Jetty request, for endpoints that stream (server-sent events) */
    public Request request() {
        return request;
    }

    /** @return the Jetty response, for endpoints that stream */
    public Response response() {
        return response;
    }

    /**
     * Takes over completing the exchange: the endpoint must complete {@link #callback()} itself (streams).
     *
     * @return the callback that ends the exchange
     */
    public Callback takeOver() {
        answered = true;
        return callback;
    }

    Callback callback() {
        return callback;
    }

    boolean answered() {
        return answered;
    }

    private byte[] bodyBytes() {
        long declared = request.getLength();
        if (declared > MAX_BODY_BYTES) {
            throw tooLarge();
        }
        try (InputStream in = Request.asInputStream(request)) {
            byte[] bytes = in.readNBytes(MAX_BODY_BYTES + 1);
            if (bytes.length > MAX_BODY_BYTES) {
                throw tooLarge();
            }
            return bytes;
        } catch (IOException e) {
            throw new AgentException(ErrorCode.BAD_REQUEST, "cannot read the body: " + e.getMessage(), e);
        }
    }

    private static AgentException tooLarge() {
        return new AgentException(ErrorCode.PAYLOAD_TOO_LARGE, "the body is larger than " + MAX_BODY_BYTES + " bytes");
    }

    private static String location(JsonProcessingException e) {
        return e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ", column "
                + e.getLocation().getColumnNr() + ")";
    }
}
