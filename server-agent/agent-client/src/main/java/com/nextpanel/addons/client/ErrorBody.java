package com.nextpanel.addons.client;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import java.util.List;

/** Every error the agent answers: {@code {"error","message"}}, and {@code reasons} when it lists several. */
public record ErrorBody(String error, String message,
                        @JsonDeserialize(contentUsing = TextOrName.class) List<String> reasons) {
    public ErrorBody {
        error = error == null ? "" : error;
        message = message == null ? "" : message;
        reasons = reasons == null ? List.of() : List.copyOf(reasons);
    }
}
