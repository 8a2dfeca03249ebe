import { CombinedError } from '@urql/core';
import { describe, expect, it } from 'vitest';
import { errorKind, errorMessageKey, isConflict } from '../src/errors/map-error.js';
import { italianI18n } from './support.js';

const withCode = (code: string, message = 'raw English message from the API') =>
  new CombinedError({ graphQLErrors: [{ message, extensions: { code } }] });

describe('API errors in plain Italian', () => {
  it.each([
    ['UNAUTHENTICATED', 'La sessione è scaduta. Accedi di nuovo per continuare.'],
    ['FORBIDDEN', 'Non hai i permessi per questa operazione o per questi dati.'],
    ['NOT_FOUND', 'Quello che cerchi non esiste o non appartiene alla tua Camera.'],
    ['BAD_USER_INPUT', "Alcuni dati non sono validi o l'operazione non è possibile in questo stato. Controlla i campi e riprova."],
    ['CONFLICT', 'Questi dati sono stati modificati da qualcun altro nel frattempo.'],
    ['INTERNAL_SERVER_ERROR', 'Si è verificato un errore imprevisto. Riprova tra qualche istante.'],
  ])('maps %s to a sentence without the code or the API message', async (code, sentence) => {
    const i18n = await italianI18n();
    const text = i18n.t(errorMessageKey(withCode(code)));
    expect(text).toBe(sentence);
    expect(text).not.toContain(code);
    expect(text).not.toContain('raw English');
  });

  it('names the reason of a refusal when the API gives one: a value reviewed by whoever entered it', async () => {
    const i18n = await italianI18n();
    const error = new CombinedError({ graphQLErrors: [{ message: 'you entered or submitted this value', extensions: { code: 'FORBIDDEN', reason: 'SELF_REVIEW' } }] });
    expect(errorKind(error)).toBe('forbidden');
    expect(i18n.t(errorMessageKey(error))).toBe(
      "Hai inserito o inviato tu questo valore: deve approvarlo o respingerlo un altro responsabile della struttura o l'amministrazione.",
    );
    expect(i18n.t(errorMessageKey(withCode('FORBIDDEN')))).toBe('Non hai i permessi per questa operazione o per questi dati.');
  });

  it.each([
    ['HAS_MEASUREMENTS', "Non si può eliminare: sono già stati registrati valori per uno o più indicatori che verrebbero eliminati, e i dati rilevati non si cancellano."],
    ['HAS_OVERRIDES', "Non si può eliminare: l'OIV ha modificato il punteggio di un obiettivo o di un indicatore che verrebbe eliminato, e quel giudizio resta agli atti."],
    ['CONTINUED_IN_NEXT_CYCLE', "Non si può eliminare: un obiettivo del piano dell'anno successivo prosegue questo (o uno sotto di esso). Elimina prima l'obiettivo collegato nel piano successivo."],
  ])('explains a deletion refused because of %s', async (reason, sentence) => {
    const i18n = await italianI18n();
    const error = new CombinedError({ graphQLErrors: [{ message: 'cannot delete', extensions: { code: 'BAD_USER_INPUT', reason } }] });
    expect(i18n.t(errorMessageKey(error))).toBe(sentence);
  });

  it('treats a failure without a GraphQL error as the network', () => {
    const error = new CombinedError({ networkError: new Error('Failed to fetch') });
    expect(errorKind(error)).toBe('network');
  });

  it('treats an unknown code as an unexpected error', () => {
    expect(errorKind(withCode('SOMETHING_NEW'))).toBe('internal');
  });

  it('recognises a stale write', () => {
    expect(isConflict(withCode('CONFLICT'))).toBe(true);
    expect(isConflict(withCode('FORBIDDEN'))).toBe(false);
    expect(isConflict(undefined)).toBe(false);
  });
});
