/**
 * The diner's share (个人支付): how each meal record and each booking paid in advance was paid and refunded,
 * prepaid balances (预存余额) as an append-only ledger, the daily cash close (日结) and the reconciliation of a
 * payment provider's statement. Serving and booking call it inside their own transactions; it reaches no feature
 * but the registry and the diners.
 * Its allowed dependencies are checked by ModularityTests.
 */
@ApplicationModule(displayName = "Payments", allowedDependencies = {"common", "diner", "network", "security"})
package org.zhucan.payments;

import org.springframework.modulith.ApplicationModule;
