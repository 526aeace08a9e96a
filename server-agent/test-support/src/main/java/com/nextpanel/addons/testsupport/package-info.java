/** Test support shared across modules: a throwaway PostgreSQL cluster and fixture builders. */
package com.nextpanel.addons.testsupport;
