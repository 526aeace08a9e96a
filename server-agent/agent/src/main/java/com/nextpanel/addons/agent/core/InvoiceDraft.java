package com.nextpanel.addons.agent.core;

import com.nextpanel.addons.agent.AgentException;
import com.nextpanel.addons.agent.ErrorCode;
import java.util.Set;

/**
 * What a client sends to create an invoice, checked on construction.
 *
 * @param customerId  an existing customer
 * @param number      1 to 40 characters, unique
 * @param amountCents not negative
 * @param currency    three upper-case letters; {@code EUR} when absent
 * @param status      {@code OPEN}, {@code PAID} or {@code VOID}; {@code OPEN} when absent
 */
public record InvoiceDraft(Long customerId, String number, Long amountCents, String currency, String status) {

    private static final Set<String> STATUSES = Set.of("OPEN", "PAID", "VOID");

    public InvoiceDraft {
        if (customerId == null) {
            throw new AgentException(ErrorCode.BAD_REQUEST, "invoice 'customerId' is required");
        }
        if (number == null || number.isBlank() || number.length() > 40) {
            throw new AgentException(ErrorCode.BAD_REQUEST, "invoice 'number' must be 1 to 40 characters");
        }
        if (amountCents == null || amountCents < 0) {
            throw new AgentException(ErrorCode.BAD_REQUEST, "invoice 'amountCents' must be 0 or more");
        }
        currency = currency == null ? "EUR" : currency;
        if (!currency.matches("[A-Z]{3}")) {
            throw new AgentException(ErrorCode.BAD_REQUEST, "invoice 'currency' must be three capital letters: "
                    + currency);
        }
        status = status == null ? "OPEN" : status;
        if (!STATUSES.contains(status)) {
            throw new AgentException(ErrorCode.BAD_REQUEST, "invoice 'status' must be one of " + STATUSES + ": "
                    + status);
        }
    }
}
