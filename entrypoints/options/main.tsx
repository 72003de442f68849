import { render } from 'preact';
import { OptionsView } from '../../components/OptionsView';
import { openDatasetStore } from '../../extension/dataset-store';
import '../../components/base.css';
import './options.css';

const root = document.getElementById('app');
if (!root) throw new Error('options.html has no #app element');
render(<OptionsView state={await openDatasetStore().load()} />, root);
