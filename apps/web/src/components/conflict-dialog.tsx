// CONFLICT (stale version): explain what happened, show what the person typed, and let them reload the
// current data and send their values again, or give up. Nothing typed is thrown away by this dialog.
import { useId } from 'react';
import { Button, Modal, ModalBody, ModalFooter } from 'design-react-kit';
import { useTranslation } from 'react-i18next';

export type TypedValue = { label: string; value: string };

/**
 * `onDiscard` gives up the typed values (the form may reload the current data); `onClose` (Escape, the backdrop)
 * only closes the dialog and keeps what was typed in the form. Without `onClose`, closing is discarding.
 */
export function ConflictDialog({
  isOpen,
  values,
  onReapply,
  onDiscard,
  onClose,
}: {
  isOpen: boolean;
  values: TypedValue[];
  onReapply: () => void;
  onDiscard: () => void;
  onClose?: () => void;
}) {
  const { t } = useTranslation();
  const titleId = useId();
  return (
    <Modal isOpen={isOpen} toggle={onClose ?? onDiscard} labelledBy={titleId} fade={false} returnFocusAfterClose>
      <div className="modal-header">
        <h2 className="modal-title h5" id={titleId}>
          {t('conflict.title')}
        </h2>
      </div>
      <ModalBody>
        <p>{t('conflict.body')}</p>
        <h3 className="h6">{t('conflict.yours')}</h3>
        <dl className="conflict-values">
          {values.map((v) => (
            <div key={v.label}>
              <dt>{v.label}</dt>
              <dd>{v.value}</dd>
            </div>
          ))}
        </dl>
      </ModalBody>
      <ModalFooter>
        <Button color="primary" onClick={onReapply}>
          {t('conflict.reapply')}
        </Button>
        <Button color="secondary" outline onClick={onDiscard}>
          {t('conflict.discard')}
        </Button>
      </ModalFooter>
    </Modal>
  );
}
