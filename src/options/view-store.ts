import { createStore } from 'zustand/vanilla';

/** View state of the options page: the form draft and its feedback. Settings live in IDB. */
export interface OptionsView {
  baseUrl: string;
  token: string;
  showToken: boolean;
  busy: boolean;
  fieldError: { field: 'baseUrl' | 'token'; message: string } | null;
  /** The draft was filled from storage once; later storage changes do not overwrite typing. */
  filled: boolean;
}

export const INITIAL_OPTIONS_VIEW: OptionsView = { baseUrl: '', token: '', showToken: false, busy: false, fieldError: null, filled: false };

export const optionsView = createStore<OptionsView>()(() => ({ ...INITIAL_OPTIONS_VIEW }));
