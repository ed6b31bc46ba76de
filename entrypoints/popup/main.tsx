import { Popup } from '../../components/popup/Popup';
import { popupServices } from '../../lib/pages/popup/services';
import { markWhenShown, POPUP_MARKS } from '../../lib/pages/popup/marks';
import { startPage } from '../../components/common/design/page';
import './style.css';

performance.mark(POPUP_MARKS.script);
markWhenShown();
startPage(<Popup services={popupServices} />);
