import { render } from 'preact';
import { PopupView } from '../../components/PopupView';
import { requestPageMentions, targetTabId } from '../../extension/page-mentions-client';
import '../../components/base.css';
import './popup.css';

const root = document.getElementById('app');
if (!root) throw new Error('popup.html has no #app element');

render(<PopupView state={{ status: 'loading' }} />, root);
const tabId = await targetTabId(location.search);
const mentions = tabId === undefined ? undefined : await requestPageMentions(tabId);
render(<PopupView state={mentions ? { status: 'ready', mentions } : { status: 'unavailable' }} />, root);
