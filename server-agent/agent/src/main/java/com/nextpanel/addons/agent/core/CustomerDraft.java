package com.nextpanel.addons.agent.core;

import com.nextpanel.addons.agent.AgentException;
import com.nextpanel.addons.agent.ErrorCode;
import java.util.regex.Pattern;

/**
 * What a client sends to create or replace a customer, checked on construction.
 *
 * @param name  1 to 200 characters
 * @param email an address with one {@code @}, at most 320 characters
 */
public record CustomerDraft(String name, String email) {

    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+");

    public CustomerDraft {
        if (name == null) {
            throw new AgentException(ErrorCode.BAD_REQUEST, "customer 'name' is required");
        }
        if (email == null) {
            throw new AgentException(ErrorCode.BAD_REQUEST, "customer 'email' is required");
        }
        if (name.isBlank() || name.length() > 200) {
            throw new AgentException(ErrorCode.BAD_REQUEST, "customer 'name' must be 1 to 200 characters");
        }
        if (email.length() > 320 || !EMAIL.matcher(email).matches()) {
            throw new AgentException(ErrorCode.BAD_REQUEST, "customer 'email' is not an e-mail address: " + email);
        }
        name = name.strip();
    }
}
