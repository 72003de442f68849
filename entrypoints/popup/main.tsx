import { render } from 'preact';
import { t, uiLanguage } from '../../components/i18n';
import { Popup } from '../../components/Popup';
import { targetTabId } from '../../extension/page-mentions-client';
import { createPopupApi } from '../../extension/popup-client';
import '../../components/base.css';
import './popup.css';

const root = document.getElementById('app');
if (!root) throw new Error('popup.html has no #app element');

document.documentElement.lang = uiLanguage();
document.title = t('popup.documentTitle');
const tabId = await targetTabId(location.search);
render(<Popup api={createPopupApi(tabId)} locale={uiLanguage()} />, root);
