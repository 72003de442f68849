import { render } from 'preact';
import { OptionsView } from '../../components/OptionsView';
import { createOptionsApi } from '../../extension/options-client';
import '../../components/base.css';
import './options.css';

const root = document.getElementById('app');
if (!root) throw new Error('options.html has no #app element');
const api = createOptionsApi();
render(<OptionsView api={api} initial={await api.load()} />, root);
