import { render } from 'preact';
import { OptionsView } from '../../components/OptionsView';
import { bundledDataset } from '../../lib/bundled-dataset';
import '../../components/base.css';
import './options.css';

const root = document.getElementById('app');
if (!root) throw new Error('options.html has no #app element');
render(<OptionsView dataset={bundledDataset()} />, root);
