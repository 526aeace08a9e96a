/** Java client for the agent API. */
package com.nextpanel.addons.client;
