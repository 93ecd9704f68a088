package org.zhucan.diner;

import java.util.List;

import org.zhucan.common.error.UserError;

/** What revealIdNumber answers: the ID number in clear, or the user errors that stopped it. */
public record RevealResult(String idNumber, List<UserError> userErrors) {
}
