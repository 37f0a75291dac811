"""File → Connect to Studio Server…: the fields of a studio's PostgreSQL server, a Test
Connection button that tries it in the background, and Connect. The password goes to the
system keyring (or, where there is none and the coach agrees, this session only)."""

from __future__ import annotations

import threading

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from coachdesk.studio import (
    DEFAULT_PORT,
    ServerFields,
    keyring_available,
    saved_password,
    store_password,
    try_connection,
)


class StudioServerDialog(QDialog):
    """Accepted with valid fields; :meth:`url` then gives the server's URL to open."""

    tested = Signal(str)
    """Emitted with the Test Connection's result, as shown ("" never)."""
    _test_done = Signal(str)

    def __init__(self, parent: QWidget | None = None,
                 initial: ServerFields | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Connect to Studio Server")
        self.setMinimumWidth(440)
        start = initial or ServerFields("", str(DEFAULT_PORT), "coachdesk", "")
        self.host = QLineEdit(start.host)
        self.host.setPlaceholderText("studio.local or 192.168.1.20")
        self.port = QLineEdit(start.port)
        self.database = QLineEdit(start.database)
        self.user = QLineEdit(start.user)
        self.password = QLineEdit(start.password or (saved_password(start) or "")
                                  if initial else "")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.inputs = {"host": self.host, "port": self.port, "database": self.database,
                       "user": self.user, "password": self.password}
        form = QFormLayout()
        for label, name in (("&Host", "host"), ("&Port", "port"), ("&Database", "database"),
                            ("&User", "user"), ("Pass&word", "password")):
            form.addRow(label, self.inputs[name])
            self.inputs[name].setAccessibleName(label.replace("&", ""))

        self.has_keyring = keyring_available()
        self.session_only = QCheckBox("Keep the password for this session only")
        if self.has_keyring:
            keyring_note = "The password is kept in your system keyring, never in a file."
            self.session_only.hide()
        else:
            keyring_note = ("No system keyring is available on this computer, so CoachDesk "
                            "cannot keep the password after it closes. It can keep it until "
                            "you quit, or you type it each time.")
            self.session_only.setChecked(True)
        self.keyring_label = QLabel(keyring_note)
        self.keyring_label.setWordWrap(True)
        self.status = QLabel("")
        self.status.setWordWrap(True)
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        buttons = QDialogButtonBox()
        self.test_button = QPushButton("Test Connection")
        self.test_button.clicked.connect(self.test_connection)
        buttons.addButton(self.test_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.connect_button = QPushButton("Connect")
        self.connect_button.setDefault(True)
        self.connect_button.clicked.connect(self.connect_if_valid)
        buttons.addButton(self.connect_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.cancel_button = buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.keyring_label)
        layout.addWidget(self.session_only)
        layout.addWidget(self.status)
        layout.addWidget(buttons)
        self._test_done.connect(self._show_test_result)
        self.stored_in = "nowhere"

    def fields(self) -> ServerFields:
        return ServerFields(self.host.text(), self.port.text(), self.database.text(),
                            self.user.text(), self.password.text())

    def url(self) -> str:
        return self.fields().url()

    def _checked(self) -> ServerFields | None:
        """The fields, or None after showing every field that is wrong."""
        fields = self.fields()
        errors = fields.errors()
        for name, widget in self.inputs.items():
            widget.setProperty("invalid", name in errors)
            widget.setToolTip(errors.get(name, ""))
        if errors:
            self.status.setText("\n".join(errors.values()))
            self.inputs[next(iter(errors))].setFocus()
            return None
        return fields

    def test_connection(self) -> None:
        fields = self._checked()
        if fields is None:
            return
        self.test_button.setEnabled(False)
        self.status.setText(f"Trying {fields.host.strip()}:{fields.port.strip()}…")
        threading.Thread(target=lambda: self._test_done.emit(self._try(fields)),
                         name="coachdesk-studio-test", daemon=True).start()

    @staticmethod
    def _try(fields: ServerFields) -> str:
        reason = try_connection(fields)
        if reason is None:
            return (f"Connected: {fields.database.strip()} on {fields.host.strip()} "
                    "answered. Press Connect to open it.")
        return reason

    def _show_test_result(self, message: str) -> None:
        self.test_button.setEnabled(True)
        self.status.setText(message)
        self.tested.emit(message)

    def connect_if_valid(self) -> None:
        fields = self._checked()
        if fields is None:
            return
        self.stored_in = store_password(
            fields, session_only=not self.has_keyring and self.session_only.isChecked())
        self.accept()
