package com.nextpanel.addons.samples.ai_chatbot;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CannedResponderTest {

    private final CannedResponder responder = CannedResponder.standard();

    @Test
    void answersByKeywordIgnoringCaseAndPunctuation() {
        assertThat(responder.reply("Where is my INVOICE?!").text()).contains("Billing → Invoices");
        assertThat(responder.reply("can I get a refund").text()).contains("Refunds");
        assertThat(responder.reply("I forgot my password").text()).contains("reset your password");
    }

    @Test
    void matchesWholeWordsOnly() {
        assertThat(responder.reply("this is a billboard").text()).isEqualTo(CannedResponder.FALLBACK);
        assertThat(responder.reply("shipping").text()).isEqualTo(CannedResponder.FALLBACK);
    }

    @Test
    void theFirstMatchingRuleWinsSoAskingForAPersonAlwaysEscalates() {
        CannedResponder.Reply reply = responder.reply("hello, I want a human about my invoice");
        assertThat(reply.escalate()).isTrue();
        assertThat(reply.text()).contains("support team");
        assertThat(responder.reply("hello").escalate()).isFalse();
    }

    @Test
    void fallsBackWhenNothingMatches() {
        assertThat(responder.reply("¿qué tal?")).isEqualTo(new CannedResponder.Reply(CannedResponder.FALLBACK, false));
    }

    @Test
    void knowsWhichReleasesHaveTheActivityColumns() {
        assertThat(ChatStore.tracksActivity("1.0.0")).isFalse();
        assertThat(ChatStore.tracksActivity("1.0.9")).isFalse();
        assertThat(ChatStore.tracksActivity("1.1.0")).isTrue();
        assertThat(ChatStore.tracksActivity("1.1.0-rc.1")).isTrue();
        assertThat(ChatStore.tracksActivity("1.12.3")).isTrue();
        assertThat(ChatStore.tracksActivity("2.0.0")).isTrue();
    }
}
