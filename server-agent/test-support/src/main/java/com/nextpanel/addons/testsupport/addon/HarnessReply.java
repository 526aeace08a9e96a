package com.nextpanel.addons.testsupport.addon;

import com.nextpanel.addons.spi.AddonResponse;
import com.nextpanel.addons.spi.Json;
import java.util.List;
import java.util.Map;

/**
 * What a route answered, with its body read as JSON on demand.
 *
 * @param status the HTTP status
 * @param contentType the media type
 * @param body the body text
 */
public record HarnessReply(int status, String contentType, String body) {

    static HarnessReply of(AddonResponse response) {
        return new HarnessReply(response.status(), response.contentType(), response.body());
    }

    /** @return the body parsed as JSON */
    public Object json() {
        return Json.parse(body);
    }

    /** @return the body as a JSON object */
    public Map<String, Object> object() {
        return Json.parseObject(body);
    }

    /** @return the body as a JSON array of objects */
    @SuppressWarnings("unchecked")
    public List<Map<String, Object>> list() {
        Object value = json();
        if (value instanceof List<?> list && list.stream().allMatch(Map.class::isInstance)) {
            return (List<Map<String, Object>>) value;
        }
        throw new IllegalStateException("expected a JSON array of objects, got: " + body);
    }

    /** @return the {@code id} field of the body object, the usual answer of a create */
    public long id() {
        return ((Number) object().get("id")).longValue();
    }
}
