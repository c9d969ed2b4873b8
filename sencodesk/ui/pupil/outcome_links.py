"""Which of a plan's outcomes a provision is meant to achieve: one tick box per outcome row of
the plan form. Impact is credited to an intervention only for the outcomes ticked here."""

from __future__ import annotations

from PySide6.QtWidgets import QCheckBox, QHBoxLayout, QLabel, QWidget


class OutcomeLinks(QWidget):
    """Tick boxes "1".."n" for the plan's outcome rows; ``value()`` is the ticked positions."""

    def __init__(self, rows: int, ticked: tuple[int, ...] = (), *, provision: int = 1) -> None:
        super().__init__()
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(QLabel(self.tr("outcomes")))
        self.boxes: list[QCheckBox] = []
        for position in range(1, rows + 1):
            box = QCheckBox(str(position))
            box.setChecked(position in ticked)
            box.setAccessibleName(self.tr("Provision {p} is meant to achieve outcome {o}")
                                  .format(p=provision, o=position))
            layout.addWidget(box)
            self.boxes.append(box)
        layout.addStretch(1)

    def value(self) -> tuple[int, ...]:
        return tuple(n for n, box in enumerate(self.boxes, start=1) if box.isChecked())
