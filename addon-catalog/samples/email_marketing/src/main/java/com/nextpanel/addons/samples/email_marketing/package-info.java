/**
 * The {@code email_marketing} sample addon: subscribers (imported from the core's {@code billing.customers}
 * under the permission {@code billing.customers:read}), campaigns, and the deliveries a sent campaign records.
 */
package com.nextpanel.addons.samples.email_marketing;
