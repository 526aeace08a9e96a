package com.nextpanel.addons.testsupport.addon;

import com.nextpanel.addons.spi.AddonRequest;
import com.nextpanel.addons.spi.HttpMethod;
import com.nextpanel.addons.spi.Json;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** A request as the host would hand it to a route: path parameters bound, query decoded. */
record HarnessRequest(HttpMethod method, String path, Map<String, String> pathParams, Map<String, String> query,
        Map<String, String> headers, String body) implements AddonRequest {

    static HarnessRequest of(HttpMethod method, String target, Map<String, String> pathParams, String body) {
        int q = target.indexOf('?');
        String path = q < 0 ? target : target.substring(0, q);
        Map<String, String> query = new LinkedHashMap<>();
        if (q >= 0) {
            for (String pair : target.substring(q + 1).split("&")) {
                if (pair.isEmpty()) {
                    continue;
                }
                int eq = pair.indexOf('=');
                String name = decode(eq < 0 ? pair : pair.substring(0, eq));
                query.putIfAbsent(name, eq < 0 ? "" : decode(pair.substring(eq + 1)));
            }
        }
        Map<String, String> decoded = new LinkedHashMap<>();
        pathParams.forEach((k, v) -> decoded.put(k, decode(v)));
        Map<String, String> headers = body.isEmpty() ? Map.of() : Map.of("content-type", "application/json");
        return new HarnessRequest(method, path, decoded, query, headers, body);
    }

    private static String decode(String s) {
        return URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8);
    }

    /** What {@link #jsonBody()} throws for a body that is not a JSON object; the host answers it with 400. */
    static final class MalformedBody extends IllegalArgumentException {
        private static final long serialVersionUID = 1L;

        MalformedBody(String message, Throwable cause) {
            super(message, cause);
        }
    }

    @Override
    public Map<String, Object> jsonBody() {
        try {
            return Json.parseObject(body);
        } catch (IllegalArgumentException e) {
            throw new MalformedBody("malformed JSON body: " + e.getMessage(), e);
        }
    }

    @Override
    public String pathParam(String name) {
        String value = pathParams.get(name);
        if (value == null) {
            throw new IllegalArgumentException("the route has no path parameter '" + name + "'");
        }
        return value;
    }

    @Override
    public Optional<String> queryParam(String name) {
        return Optional.ofNullable(query.get(name));
    }

    @Override
    public Optional<String> header(String name) {
        return Optional.ofNullable(headers.get(name.toLowerCase(Locale.ROOT)));
    }
}
