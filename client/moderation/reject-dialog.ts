// "Why?" for a rejection: a modal with the preset reasons on number keys and an optional note.

export interface RejectAnswer {
  reason: string;
  note: string;
}

export function askRejectReason(): Promise<RejectAnswer | null> {
  const dialog = document.querySelector<HTMLDialogElement>('#mod-reject-dialog');
  const form = dialog?.querySelector<HTMLFormElement>('[data-reject-dialog]');
  if (!dialog || !form) return Promise.resolve(null);
  const note = form.querySelector<HTMLInputElement>('input[name="note"]')!;
  const error = form.querySelector<HTMLElement>('.mod-dialog-error')!;
  const radios = [...form.querySelectorAll<HTMLInputElement>('input[name="reason"]')];
  note.value = '';
  error.hidden = true;
  radios[0].checked = true;

  return new Promise((resolve) => {
    const onKey = (event: KeyboardEvent) => {
      if (event.target === note || !/^[0-9]$/.test(event.key)) return;
      const index = event.key === '0' ? radios.length - 1 : Number(event.key) - 1;
      if (radios[index]) {
        event.preventDefault();
        radios[index].checked = true;
        radios[index].focus();
      }
    };
    const onSubmit = (event: SubmitEvent) => {
      const button = event.submitter as HTMLButtonElement | null;
      if (button?.value !== 'reject') return;
      const reason = radios.find((radio) => radio.checked)?.value ?? '';
      if (reason === 'other' && !note.value.trim()) {
        event.preventDefault();
        error.textContent = 'Write the reason in the note: the reader is told why.';
        error.hidden = false;
        note.focus();
      }
    };
    const onClose = () => {
      dialog.removeEventListener('keydown', onKey);
      form.removeEventListener('submit', onSubmit);
      if (dialog.returnValue !== 'reject') return resolve(null);
      resolve({ reason: radios.find((radio) => radio.checked)?.value ?? '', note: note.value.trim() });
    };
    dialog.addEventListener('keydown', onKey);
    form.addEventListener('submit', onSubmit);
    dialog.addEventListener('close', onClose, { once: true });
    dialog.returnValue = '';
    dialog.showModal();
    radios[0].focus();
  });
}
