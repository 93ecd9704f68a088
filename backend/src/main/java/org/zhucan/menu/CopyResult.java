package org.zhucan.menu;

import java.util.List;

import org.zhucan.common.error.UserError;

/** What copyWeekMenu answers: the menus copied, or the user errors that stopped it. */
public record CopyResult(List<MenuView> menus, List<UserError> userErrors) {
}
