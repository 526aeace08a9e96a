package com.nextpanel.addons.console.testing;

import com.nextpanel.addons.console.common.Confirmation;
import com.nextpanel.addons.console.common.ConfirmationResult;
import com.nextpanel.addons.console.common.DialogService;
import com.nextpanel.addons.console.common.UserError;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/** Answers dialogs from a script and records what was asked and shown. Unscripted confirmations are accepted as shown. */
public final class ScriptedDialogs implements DialogService {

    public final List<Confirmation> confirmations = new ArrayList<>();
    public final List<UserError> errors = new ArrayList<>();
    public final List<String> trustQuestions = new ArrayList<>();
    private final Deque<ConfirmationResult> answers = new ArrayDeque<>();
    public boolean trust = true;

    public ScriptedDialogs answer(boolean confirmed, boolean checked) {
        answers.add(new ConfirmationResult(confirmed, checked));
        return this;
    }

    public Confirmation lastConfirmation() {
        return confirmations.get(confirmations.size() - 1);
    }

    @Override
    public ConfirmationResult confirm(Confirmation confirmation) {
        confirmations.add(confirmation);
        return answers.isEmpty() ? new ConfirmationResult(true, confirmation.checkboxDefault()) : answers.poll();
    }

    @Override
    public void showError(UserError error) {
        errors.add(error);
    }

    @Override
    public void showInfo(String title, String message) {
    }

    @Override
    public boolean askTrust(String server, String prettyFingerprint, String subject) {
        trustQuestions.add(prettyFingerprint);
        return trust;
    }
}
