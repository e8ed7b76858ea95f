import { html, type Html } from '../html.js';

/** A rejected submission: the message goes next to its field, or above the form when no field matches. */
export interface FormError {
  field?: string;
  message: string;
}

export function fieldError(error: FormError | undefined, names: string | string[]): Html {
  const list = Array.isArray(names) ? names : [names];
  if (!error?.field || !list.some((name) => error.field === name || error.field!.startsWith(`${name}.`))) return html``;
  return html`<p class="form-error" id="${list[0]}-error" role="alert">${error.message}</p>`;
}

function invalid(error: FormError | undefined, name: string): Html {
  return error?.field === name || error?.field?.startsWith(`${name}.`) ? html` aria-invalid="true" aria-describedby="${name}-error"` : html``;
}

/** The error of a form as a whole, for a field the form does not show. */
export function formError(error: FormError | undefined, shownFields: string[]): Html {
  if (!error || (error.field && shownFields.some((name) => error.field === name || error.field!.startsWith(`${name}.`)))) return html``;
  return html`<p class="notice notice--error" role="alert">${error.message}</p>`;
}

interface FieldOptions {
  name: string;
  label: string;
  value: string;
  error?: FormError;
  hint?: string | Html;
  type?: string;
  required?: boolean;
  /** Extra attributes, already safe (built with `html`). */
  attrs?: Html;
  id?: string;
}

export function textField(options: FieldOptions): Html {
  const id = options.id ?? options.name;
  return html`<div class="field">
    <label for="${id}">${options.label}${options.hint ? html` <span class="field-hint">${options.hint}</span>` : ''}</label>
    <input id="${id}" name="${options.name}" type="${options.type ?? 'text'}" value="${options.value}"${options.required ? html` required` : ''}${invalid(options.error, options.name)}${options.attrs ?? ''}>
    ${fieldError(options.error, options.name)}
  </div>`;
}

export function textArea(options: FieldOptions & { rows?: number }): Html {
  const id = options.id ?? options.name;
  return html`<div class="field">
    <label for="${id}">${options.label}${options.hint ? html` <span class="field-hint">${options.hint}</span>` : ''}</label>
    <textarea id="${id}" name="${options.name}" rows="${options.rows ?? 4}"${options.required ? html` required` : ''}${invalid(options.error, options.name)}${options.attrs ?? ''}>${options.value}</textarea>
    ${fieldError(options.error, options.name)}
  </div>`;
}

export function selectField(options: FieldOptions & { choices: { value: string; label: string }[] }): Html {
  const id = options.id ?? options.name;
  return html`<div class="field">
    <label for="${id}">${options.label}${options.hint ? html` <span class="field-hint">${options.hint}</span>` : ''}</label>
    <select id="${id}" name="${options.name}"${invalid(options.error, options.name)}${options.attrs ?? ''}>
      ${options.choices.map((choice) => html`<option value="${choice.value}"${choice.value === options.value ? html` selected` : ''}>${choice.label}</option>`)}
    </select>
    ${fieldError(options.error, options.name)}
  </div>`;
}

export function checkbox(options: { name: string; label: string; checked: boolean; hint?: string; value?: string }): Html {
  return html`<div class="field field--check">
    <label><input type="checkbox" name="${options.name}" value="${options.value ?? '1'}"${options.checked ? html` checked` : ''}> ${options.label}</label>
    ${options.hint ? html`<p class="field-hint">${options.hint}</p>` : ''}
  </div>`;
}

export function csrfField(csrf: string): Html {
  return html`<input type="hidden" name="_csrf" value="${csrf}">`;
}

/** A form field that may arrive once (a string) or repeated (an array). */
export function asList(value: string | string[] | undefined): string[] {
  if (value === undefined) return [];
  return Array.isArray(value) ? value : [value];
}

export function flash(message: string | undefined): Html {
  return message ? html`<p class="notice notice--ok" role="status">${message}</p>` : html``;
}
