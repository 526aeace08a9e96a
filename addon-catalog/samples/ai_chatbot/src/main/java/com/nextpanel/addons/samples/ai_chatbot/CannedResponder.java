package com.nextpanel.addons.samples.ai_chatbot;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Replies to a customer's message from keyword rules, the first matching rule winning. Deliberately no
 * external service: the sample must run anywhere, offline, deterministically.
 */
final class CannedResponder {

    /** What the bot answers, and whether the chat should go to a person. */
    record Reply(String text, boolean escalate) {
    }

    /** Matches when the message contains any of its keywords as a whole word. */
    record Rule(Set<String> keywords, Reply reply) {

        boolean matches(Set<String> words) {
            return keywords.stream().anyMatch(words::contains);
        }
    }

    static final String FALLBACK = "I'm not sure I understood. Could you rephrase, or type \"agent\" to talk to a person?";

    private final List<Rule> rules;

    CannedResponder(List<Rule> rules) {
        this.rules = List.copyOf(rules);
    }

    /** @return the rules a billing help desk needs most, checked in this order */
    static CannedResponder standard() {
        return new CannedResponder(List.of(
                rule("I'm handing this chat to a member of our support team; someone will answer here shortly.", true,
                        "agent", "human", "person", "operator", "complaint"),
                rule("Refunds go back to the original payment method within 5 to 10 business days once approved.", false,
                        "refund", "refunds", "chargeback"),
                rule("Your invoices are under Billing → Invoices; each one can be downloaded as a PDF.", false,
                        "invoice", "invoices", "bill", "bills", "billing", "receipt"),
                rule("We accept cards and bank transfers; you can change your payment method under Billing → Payment.", false,
                        "pay", "payment", "payments", "card", "credit", "transfer"),
                rule("You can reset your password from the login page with \"Forgot password\".", false,
                        "password", "login", "log", "locked"),
                rule("You can cancel any time under Services; the service stays active until the end of the paid period.", false,
                        "cancel", "cancellation", "terminate"),
                rule("Hello! How can I help you today?", false, "hi", "hello", "hey", "morning", "evening"),
                rule("You're welcome! Anything else I can do?", false, "thanks", "thank", "thx")));
    }

    private static Rule rule(String reply, boolean escalate, String... keywords) {
        return new Rule(Set.of(keywords), new Reply(reply, escalate));
    }

    Reply reply(String message) {
        Set<String> words = Arrays.stream(message.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+"))
                .filter(w -> !w.isEmpty()).collect(Collectors.toSet());
        return rules.stream().filter(r -> r.matches(words)).map(Rule::reply).findFirst()
                .orElse(new Reply(FALLBACK, false));
    }
}
