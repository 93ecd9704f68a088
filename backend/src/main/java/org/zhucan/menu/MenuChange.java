package org.zhucan.menu;

import java.util.List;

import org.zhucan.common.error.UserError;

/** What a change to a menu answers (save, amend, publish): the menu, or the user errors that stopped it. */
public record MenuChange(MenuView menu, List<UserError> userErrors) {
    static MenuChange failed(UserError error) {
        return new MenuChange(null, List.of(error));
    }

    static MenuChange failed(List<UserError> errors) {
        return new MenuChange(null, List.copyOf(errors));
    }
}
