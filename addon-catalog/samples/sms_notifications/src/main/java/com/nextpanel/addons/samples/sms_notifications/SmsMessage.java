package com.nextpanel.addons.samples.sms_notifications;

import java.time.OffsetDateTime;

/**
 * One text message.
 *
 * @param to the recipient, E.164
 * @param template the notification_hub template it was rendered from
 * @param segments how many SMS parts it takes (160 GSM characters, or 70 others, in one part)
 * @param status {@code QUEUED}, {@code SENT} or {@code FAILED}
 * @param error why the gateway refused it, null unless FAILED
 * @param sentAt when the gateway accepted it, null unless SENT
 */
record SmsMessage(long id, String to, String template, String text, long segments, String status, String error,
        OffsetDateTime createdAt, OffsetDateTime sentAt) {

    /** @return the SMS parts {@code text} needs: 160/153 characters in the GSM alphabet, else 70/67 */
    static long segments(String text) {
        boolean gsm = text.chars().allMatch(c -> c == '\n' || c == '\r' || (c >= 0x20 && c < 0x7f) || "£¥èéùìòÇØøÅåÄÖÑÜäöñüà€".indexOf(c) >= 0);
        int single = gsm ? 160 : 70;
        int part = gsm ? 153 : 67;
        int length = text.length();
        return length <= single ? 1 : (length + part - 1) / part;
    }
}
