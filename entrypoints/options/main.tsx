import { render } from 'preact';
import { t, uiLanguage } from '../../components/i18n';
import { OptionsView } from '../../components/OptionsView';
import { createOptionsApi } from '../../extension/options-client';
import '../../components/base.css';
import './options.css';

// options.html is written in English; the page follows the browser's UI language.
document.documentElement.lang = uiLanguage();
document.title = t('options.title');

const root = document.getElementById('app');
if (!root) throw new Error('options.html has no #app element');
const api = createOptionsApi();
render(<OptionsView api={api} initial={await api.load()} />, root);
